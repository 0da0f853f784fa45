// The terminal takes staged updates when config.update is set (and runs exactly as before without it): the update
// agent on the terminal's own parts, its spool to the root helper, reports to the feed, and the health probe of the
// running version (main started is marked here; the shell marks renderer loaded, compose.ts heartbeat delivered
// from the fleet agent; devices opened is marked when the device manager first reports the terminal in service).
import path from 'node:path';
import type { TerminalContext } from './context';
import { UpdateAgent } from '../update/agent';
import { HealthProbe, type HealthMark } from '../update/health';
import { SpoolHelper, type HelperPort } from '../update/helper-port';
import { HttpUpdateReporter } from '../update/http-reporter';
import type { UpdateTerminalPort } from '../update/ports';

export interface UpdateMembership {
  agent: UpdateAgent;
  probe: HealthProbe;
  mark(m: HealthMark): void;
  /** The shell's restart (Electron: relaunch), replacing the one given at join. */
  attachRestart(restart: () => Promise<void>): void;
  /** The counter's clerk desk: a clerk signed in holds the install (a kiosk has none). */
  attachClerks(signedIn: () => boolean): void;
  close(): void;
}

export interface JoinUpdatesOptions {
  /** A clerk is signed in (the counter's clerk desk); a kiosk has none. */
  clerkSignedIn?: () => boolean;
  /** The shell's restart (Electron: relaunch; under systemd an exit the unit restarts). */
  restartApp: () => Promise<void>;
  fetch?: typeof fetch;
  /** The root helper's port; default the spool to the real helper (tests give a fake). */
  helper?: HelperPort;
}

/** The terminal's parts the update agent stands on. */
export type UpdateHost = Pick<TerminalContext, 'config' | 'version' | 'dataDir' | 'log' | 'sessions' | 'applications' | 'devices'>;

export function joinUpdates(ctx: UpdateHost, o: JoinUpdatesOptions): UpdateMembership | null {
  const config = ctx.config();
  const update = config.update;
  if (!update) return null;
  let restartApp = o.restartApp;
  let clerkSignedIn = o.clerkSignedIn;
  const terminal: UpdateTerminalPort = {
    runningVersion: () => ctx.version,
    sessionOpen: () => ctx.sessions.current() !== null,
    clerkSignedIn: () => clerkSignedIn?.() ?? false,
    // Submission is journal first (synchronous SQLite): whatever the outbox holds is on disk. The journal must
    // answer, though: a journal that does not is no state to restart in.
    outboxSafe: () => ctx.applications.delivery.status().then(() => true, () => false),
    setOutOfService: async (reason) => {
      ctx.log.info({ audit: reason === null ? 'update.service.in' : 'update.service.out', reason }, 'audit');
      ctx.devices.setManualOutOfService(reason);
    },
    restartApp: () => restartApp(),
  };
  const helper = o.helper ?? new SpoolHelper({ spoolDir: update.spoolDir, stateDir: update.helperStateDir });
  const agent = new UpdateAgent({
    terminalId: config.terminalId,
    config: update,
    timeZone: config.timeZone,
    dir: update.agentDir ?? path.join(ctx.dataDir, 'updates'),
    terminal,
    helper,
    reporter: new HttpUpdateReporter(update.feedUrl, o.fetch),
    fetch: o.fetch,
  });
  const probe = new HealthProbe({ helper, agent, running: ctx.version, windowMs: update.healthWindowSeconds * 1000 });
  const mark = (m: HealthMark) => void probe.mark(m).catch((e: Error) => ctx.log.warn({ err: e.message }, 'update: health mark failed'));
  mark('mainStarted');
  const markDevices = () => {
    if (ctx.devices.serviceState().inService) mark('devicesOpened');
  };
  const offDevices = ctx.devices.onServiceChange(markDevices);
  markDevices();
  const expiry = setInterval(() => void probe.expire().then((r) => (r === 'rolledBack' ? restartApp() : undefined), () => undefined), 30_000);
  expiry.unref();
  agent.start();
  ctx.log.info({ feed: new URL(update.feedUrl).host, channel: update.channel, ring: update.ring }, 'update: agent started');
  return {
    agent,
    probe,
    mark,
    attachRestart(restart) {
      restartApp = restart;
    },
    attachClerks(signedIn) {
      clerkSignedIn = signedIn;
    },
    close() {
      offDevices();
      clearInterval(expiry);
      agent.stop();
    },
  };
}
