// Admin (maintenance) handlers: dashboard, diagnostics, configuration, logs, audit, bundle, service state,
// heartbeat and the simulator controls. Every action (not the read-only views) lands in the audit trail.
import type { AdminChannelName } from '@easydo/core/contract/channels';
import type { CallerContext } from '../ipc/caller';
import type { HandlersFor } from '../ipc/router';
import { Failure } from '../errors/failure';
import type { DomainWiring } from '../ipc/domain-wiring';
import type { AdminContext } from './admin-context';
import { ConfigRefused, ConfigStore, type ConfigChanges } from '../config/config-store';
import { publicView } from '../config/public-view';
import { RESTART_PATHS } from '../config/apply-plan';
import { loggingOf } from '../logging/terminal-logger';
import { AuditLog } from './audit-log';
import { writeBundle } from './bundle';
import { buildDashboard, outboxView, samplePoint } from './dashboard';
import { deviceAction, testPrint, testRead, testScan } from './diagnostics';
import { HeartbeatService } from './heartbeat';
import { HistoryStore } from './history-store';
import { systemStats } from './system-stats';
import { readFile } from 'node:fs/promises';

export interface AdminWiringOptions {
  heartbeatMs?: number;
  sampleMs?: number;
}

export async function wireAdmin(ctx: AdminContext, options: AdminWiringOptions = {}): Promise<DomainWiring<HandlersFor<AdminChannelName>>> {
  const logging = loggingOf(ctx.log);
  // One audit trail, built by the admin gate (auditDataDir, as the composition root gives it): admin records into
  // and reads from that same AuditLog, never a second writer on the file.
  const audit = ctx.admin.audit;
  if (!(audit instanceof AuditLog)) throw new Error('admin wiring needs the admin gate to keep the audit trail (AdminGate auditDataDir)');
  const configStore = new ConfigStore({ live: ctx.config(), file: ctx.configFile, profile: ctx.profile, role: ctx.role });
  const heartbeat = new HeartbeatService({
    client: ctx.backend.client,
    url: ctx.backend.url,
    devices: () => ctx.devices.list(),
    service: () => ctx.devices.serviceState(),
    outbox: () => ctx.applications.delivery.lastStatus(),
    version: ctx.version,
  });
  const history = new HistoryStore(ctx.dataDir);
  heartbeat.start(options.heartbeatMs ?? 60_000);
  const offDevices = ctx.devices.onDeviceChange(() => heartbeat.deviceChanged());
  const sampler = setInterval(() => history.add(samplePoint(ctx, heartbeat)), options.sampleMs ?? 60_000);
  sampler.unref();

  const record = (caller: CallerContext, action: string, detail: Record<string, string | number | boolean> = {}) =>
    audit.record(action, { windowId: caller.windowId, operator: ctx.admin.operatorOf(caller.windowId) ?? 'none', ...detail });

  /** Required-device changes apply at once: the device manager re-derives the service state. */
  const applyRequired = () => {
    const required = new Set<string>(ctx.config().devices.required[ctx.role]);
    for (const d of ctx.devices.list()) {
      const managed = ctx.devices.get(d.id);
      if (managed) managed.required = required.has(d.kind);
    }
    const manual = ctx.devices.serviceState().manual;
    ctx.devices.setManualOutOfService(manual ? manual.reason : null);
  };

  const saved = (caller: CallerContext, action: string, run: () => { applied: string[]; restartNeeded: string[] }) => {
    try {
      const plan = run();
      if (plan.applied.includes('devices.required')) applyRequired();
      record(caller, action, { applied: plan.applied.join(','), restartNeeded: plan.restartNeeded.join(',') });
      return plan;
    } catch (e) {
      if (!(e instanceof ConfigRefused)) throw e;
      record(caller, `${action}.refused`, { fields: e.issues.map((i) => i.path).join(',') });
      throw new Failure('validation', `Not saved: ${e.message}`, 'invalid-config', e.issues);
    }
  };

  let backendDown = false;
  const virtualPrinter = () => {
    const v = ctx.receiptPrinter.virtual;
    if (!v) throw new Failure('forbidden', 'The receipt printer is real: simulator controls are refused', 'not-simulated');
    return v;
  };

  const handlers: HandlersFor<AdminChannelName> = {
    'admin:dashboard': () => buildDashboard(ctx, heartbeat),
    'admin:history': (req) => [...history.since(req.hours), samplePoint(ctx, heartbeat)],
    'admin:ping': async (_req, caller) => {
      record(caller, 'admin.ping');
      return heartbeat.send('ping');
    },
    'admin:testRead': async (req, caller) => {
      record(caller, 'admin.testRead');
      return testRead(ctx, req.timeoutMs);
    },
    'admin:testPrint': async (_req, caller) => {
      record(caller, 'admin.testPrint');
      return testPrint(ctx);
    },
    'admin:testScan': async (_req, caller) => {
      record(caller, 'admin.testScan');
      return testScan(ctx);
    },
    'admin:deviceAction': async (req, caller) => {
      record(caller, `admin.device.${req.action}`, { deviceId: req.deviceId });
      return deviceAction(ctx, req.deviceId, req.action);
    },
    'admin:config': () => ({ config: publicView(ctx.config()) as never, hasPrevious: configStore.hasPrevious(), restartPaths: [...RESTART_PATHS] }),
    'admin:configSave': (req, caller) =>
      saved(caller, 'admin.config.save', () => configStore.save({ values: req.values as ConfigChanges['values'], terminalSecret: req.terminalSecret, adminPin: req.adminPin })),
    'admin:configRollback': (_req, caller) => saved(caller, 'admin.config.rollback', () => configStore.rollback()),
    'admin:logs': (req) =>
      logging
        ? { source: 'ring' as const, entries: logging.ring.query({ ...(req.level ? { level: req.level } : {}), ...(req.text ? { text: req.text } : {}), limit: req.limit }) }
        : { source: 'none' as const, entries: [] },
    'admin:audit': () => audit.read(500),
    'admin:bundle': async (_req, caller) => {
      record(caller, 'admin.bundle.export');
      const config = ctx.config();
      const bundle = await writeBundle({
        dataDir: ctx.dataDir,
        terminalId: config.terminalId,
        logDir: logging?.logDir ?? null,
        ...(logging ? { flushLogs: () => logging.flush() } : {}),
        auditFile: audit.file,
        sections: {
          config: publicView(config),
          devices: ctx.devices.list().map((d) => ({ id: d.id, kind: d.kind, status: d.status, required: d.required, counters: d.counters, lastError: d.lastError, alerts: d.alerts })),
          service: ctx.devices.serviceState(),
          outbox: await outboxView(ctx),
          backend: heartbeat.backend(),
          heartbeat: heartbeat.view(),
          system: systemStats(ctx.dataDir),
          history: history.since(24),
          version: { app: ctx.version, node: process.version, platform: process.platform },
        },
      });
      return { ...bundle, base64: (await readFile(bundle.path)).toString('base64') };
    },
    'admin:service': (req, caller) => {
      if (req.inService) {
        ctx.devices.setManualOutOfService(null);
      } else {
        if (!req.reason) throw new Failure('validation', 'Say why the terminal is out of service: the reason is shown to residents', 'reason-missing', [{ path: 'reason', message: 'required' }]);
        ctx.devices.setManualOutOfService(req.reason);
      }
      record(caller, req.inService ? 'admin.service.in' : 'admin.service.out', { reasonLength: req.reason.length });
      return ctx.devices.serviceState();
    },
    'admin:drain': async (_req, caller) => {
      record(caller, 'admin.outbox.drain');
      return ctx.applications.delivery.drainNow();
    },
    'admin:exit': (_req, caller) => {
      record(caller, 'admin.exit');
      ctx.admin.requestExit(caller.windowId);
      return { done: true as const };
    },
    'sim:printerState': async (req) => {
      virtualPrinter().setState(req.state);
      // A real printer is polled; read its status now so the change shows at once.
      await ctx.receiptPrinter.printer.refreshStatus();
      return { done: true as const };
    },
    'sim:readerConnection': (req) => {
      const link = ctx.idReader.link;
      if (!link) throw new Failure('forbidden', 'The card reader is real: simulator controls are refused', 'not-simulated');
      if (req.connected) link.plug();
      else link.unplug();
      return { done: true as const };
    },
    // "Down" drops every connection before it is handled: what a terminal meets when the platform is unreachable.
    'sim:backend': (req) => {
      const sandbox = ctx.backend.sandbox;
      if (!sandbox) throw new Failure('forbidden', 'The backend is real: simulator controls are refused', 'not-simulated');
      if (req.down !== undefined) {
        sandbox.setFaults(req.down ? { reset: 1 } : undefined);
        backendDown = req.down;
      }
      return { down: backendDown };
    },
  };

  return {
    handlers,
    close: async () => {
      clearInterval(sampler);
      offDevices();
      await heartbeat.close();
    },
  };
}
