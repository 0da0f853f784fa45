// The terminal joins the fleet when config.fleet is set (and runs exactly as before without it): the fleet agent
// on the terminal's own parts. Config pushes and the log bundle go through admin's own handlers (the same
// validation, production policy, audit trail and redaction as a maintainer at the terminal); service changes go
// to the device manager. The window host is attached later by the shell that has windows (Electron); until then,
// and in the browser shell, reloadRenderer / restartApp / screenshot answer `unsupported`.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TerminalContext } from './context';
import { systemStats } from '../admin/system-stats';
import { Failure } from '../errors/failure';
import { FleetAgent } from '../fleet/agent';
import { AlertLedger } from '../fleet/alert-ledger';
import { CommandLedger } from '../fleet/command-ledger';
import { configVersion } from '../fleet/config-version';
import { pushedValues } from '../fleet/config-merge';
import { ConfigPushRefused, type ConfigPushResult, type FleetPorts, type FleetUpdatePort, type FleetWindowPort } from '../fleet/ports';

/** Admin's operations as the fleet uses them (compose.ts builds this from admin's handlers). */
export interface TerminalAdminOps {
  saveConfig(values: Record<string, unknown>): Promise<ConfigPushResult>;
  rollbackConfig(): Promise<unknown>;
  bundle(): Promise<{ fileName: string; base64: string }>;
}

export interface FleetMembership {
  agent: FleetAgent;
  /** The shell's window host (Electron: reload, relaunch, capturePage). */
  attachWindow(port: FleetWindowPort): void;
  /** The update agent, when config.update is set: the `updateCheck` command runs its check. */
  attachUpdate(port: FleetUpdatePort): void;
  close(): Promise<void>;
}

/** Admin's save refuses with a `validation` Failure naming the fields. */
function refusalOf(e: unknown): never {
  if (e instanceof Failure && e.code === 'validation') throw new ConfigPushRefused(e.message, (e.issues ?? []).map((i) => ({ path: i.path, message: i.message })));
  throw e;
}

export function terminalFleetPorts(ctx: TerminalContext, admin: TerminalAdminOps): { ports: FleetPorts; close(): void } {
  let sessionsStarted = 0;
  const offStart = ctx.sessions.onStart(() => {
    sessionsStarted += 1;
  });
  let outbox = { depth: 0, oldestPendingAt: null as number | null };
  const refreshOutbox = () =>
    void ctx.applications.delivery.status().then(
      (s) => {
        outbox = { depth: s.depth, oldestPendingAt: s.oldestPendingAt };
      },
      () => undefined,
    );
  refreshOutbox();
  const outboxTimer = setInterval(refreshOutbox, 15_000);
  outboxTimer.unref();

  const ports: FleetPorts = {
    devices: {
      list: () => ctx.devices.list(),
      serviceState: () => ctx.devices.serviceState(),
      onChange: (listener) => {
        const a = ctx.devices.onDeviceChange(() => listener());
        const b = ctx.devices.onServiceChange(() => listener());
        return () => {
          a();
          b();
        };
      },
      setOutOfService: async (reason) => {
        ctx.log.info({ audit: reason === null ? 'fleet.service.in' : 'fleet.service.out', reason }, 'audit');
        ctx.devices.setManualOutOfService(reason);
      },
    },
    sessions: {
      isOpen: () => ctx.sessions.current() !== null,
      started: () => sessionsStarted,
      onChange: (listener) => {
        const a = ctx.sessions.onStart(() => listener());
        const b = ctx.sessions.onEnd(() => listener());
        return () => {
          a();
          b();
        };
      },
    },
    config: {
      version: () => configVersion(ctx.config()),
      push: (values) => admin.saveConfig(pushedValues(ctx.config(), values)).catch(refusalOf),
      rollback: async () => {
        await admin.rollbackConfig();
      },
    },
    outbox: () => outbox,
    host: () => {
      const s = systemStats(ctx.dataDir);
      return {
        cpuLoad1m: s.loadAverage[0] ?? 0,
        cpuCount: Math.max(1, os.cpus().length),
        memoryTotalBytes: s.memory.totalBytes,
        memoryFreeBytes: s.memory.freeBytes,
        rssBytes: s.memory.rssBytes,
        diskTotalBytes: s.disk?.totalBytes ?? null,
        diskFreeBytes: s.disk?.freeBytes ?? null,
        hostUptimeSeconds: s.hostUptimeSeconds,
        appUptimeSeconds: s.appUptimeSeconds,
      };
    },
    receiptsPrinted: () => Number(ctx.devices.list().find((d) => d.kind === 'receiptPrinter')?.counters.receiptsPrinted ?? 0),
    diagnostics: {
      logBundle: async () => {
        const b = await admin.bundle();
        return { fileName: b.fileName, bytes: new Uint8Array(Buffer.from(b.base64, 'base64')) };
      },
    },
  };
  return {
    ports,
    close: () => {
      offStart();
      clearInterval(outboxTimer);
    },
  };
}

/** Starts the agent when config.fleet is set; null otherwise. Does not wait for the broker (it may be away). */
export function joinFleet(ctx: TerminalContext, admin: TerminalAdminOps): FleetMembership | null {
  const config = ctx.config();
  const fleet = config.fleet;
  if (!fleet) return null;
  const auth = fleet.auth;
  const connection =
    auth.kind === 'certificate'
      ? { ca: readFileSync(auth.caFile), cert: readFileSync(auth.certFile), key: readFileSync(auth.keyFile) }
      : { username: config.terminalId, password: readFileSync(auth.passwordFile, 'utf8').trim(), ...(auth.caFile ? { ca: readFileSync(auth.caFile) } : {}) };
  const { ports, close } = terminalFleetPorts(ctx, admin);
  const agent = new FleetAgent({
    terminalId: config.terminalId,
    brokerUrl: fleet.brokerUrl,
    connection,
    location: fleet.location,
    mode: ctx.role,
    version: ctx.version,
    heartbeatSeconds: fleet.heartbeatSeconds,
    ports,
    ledger: new CommandLedger({ file: path.join(ctx.dataDir, 'fleet', 'commands.json') }),
    alertLedger: new AlertLedger({ file: path.join(ctx.dataDir, 'fleet', 'alerts.json') }),
    log: (level, msg, detail) => ctx.log[level](detail ?? {}, msg),
  });
  void agent.start();
  ctx.log.info({ broker: new URL(fleet.brokerUrl).host }, 'fleet: joining');
  return {
    agent,
    attachWindow(port) {
      ports.window = port;
    },
    attachUpdate(port) {
      ports.update = port;
    },
    async close() {
      close();
      await agent.stop();
    },
  };
}

type AdminHandler = (request: never, caller: never) => unknown;

/** Admin's handlers as the fleet calls them: as the maintainer's window would, with a caller named `fleet`. */
export function adminOpsFromHandlers(handlers: { 'admin:configSave': AdminHandler; 'admin:configRollback': AdminHandler; 'admin:bundle': AdminHandler }): TerminalAdminOps {
  const caller = { windowId: 'fleet', mode: () => 'admin' as const };
  // async: a handler that throws at once (a refused save) becomes a rejection the port can map.
  const call = async <T>(h: AdminHandler, request: unknown) => (await (h as (r: unknown, c: unknown) => unknown)(request, caller)) as T;
  return {
    saveConfig: (values) => call<ConfigPushResult>(handlers['admin:configSave'], { values }),
    rollbackConfig: () => call(handlers['admin:configRollback'], {}),
    bundle: () => call<{ fileName: string; base64: string }>(handlers['admin:bundle'], {}),
  };
}
