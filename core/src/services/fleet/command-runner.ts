// Executes console commands one at a time, at most once each: envelope checked (schema), seen before? (the
// ledger answers with the earlier final ack, nothing runs again), expired?, known name?, arguments valid? Then
// `received`, the work, and one final ack (done / refused / failed) with its result; logBundle and screenshot
// upload their file on uploads/{commandId} before the final ack names it.
import type { z } from 'zod';
import { COMMAND_ARGS, Command, CommandName, MAX_UPLOAD_BYTES, decode, FleetMessageError, type CommandAck, type Upload } from './messages';
import type { CommandLedger } from './command-ledger';
import { ConfigPushRefused, type FleetPorts } from './ports';
import { serviceMode } from './heartbeat-snapshot';

export interface CommandOutput {
  ack(ack: CommandAck): Promise<void>;
  upload(upload: Upload): Promise<void>;
  /** The terminal's state changed (service, config version): publish it again. */
  stateChanged(): void;
}

type Final = Omit<CommandAck, 'commandId' | 'terminalId' | 'at'> & { after?: () => Promise<void> };

/** Secrets never travel in a push; the admin form sends them write-only on the terminal itself. */
const SECRET_KEYS = ['terminalSecret', 'adminPinHash', 'adminPin', 'secretSet', 'pinSet'];

/**
 * Never pushed either: the update channel (feed, keys, rings) decides what software the terminal installs, so a
 * console push must not be able to point it at another feed.
 */
const TERMINAL_ONLY_KEYS = ['update'];

/** remoteHelp.iceServers[n].credential in a push: the TURN credential is a secret too. */
function iceCredentialPaths(values: Record<string, unknown>): string[] {
  const servers = (values.remoteHelp as { iceServers?: unknown } | undefined)?.iceServers;
  if (!Array.isArray(servers)) return [];
  return servers.flatMap((s: unknown, i) => (typeof s === 'object' && s !== null && 'credential' in s ? [`remoteHelp.iceServers.${i}.credential`] : []));
}

/** Refusals the console can match on (the ack's reason starts with one of these). */
export const COMMAND_REFUSALS = {
  /** A visit is open (a resident session, or a counter application a clerk is working on): its screen shows personal data and its config must not change under it. */
  sessionOpen: 'sessionOpen: a resident session is open; send it again when the terminal is idle',
} as const;
export type CommandRefusal = keyof typeof COMMAND_REFUSALS;

export class CommandRunner {
  private chain: Promise<void> = Promise.resolve();
  private executed = 0;

  constructor(
    private readonly terminalId: string,
    private readonly ports: FleetPorts,
    private readonly ledger: CommandLedger,
    private readonly out: CommandOutput,
    private readonly now: () => Date = () => new Date(),
    private readonly log: (msg: string, detail?: Record<string, unknown>) => void = () => undefined,
  ) {}

  get commandsExecuted(): number {
    return this.executed;
  }

  /** Queues a received payload; resolves when it (and everything before it) was handled. */
  receive(topic: string, payload: Uint8Array): Promise<void> {
    const run = this.chain.then(() => this.handle(topic, payload));
    this.chain = run.catch((e: unknown) => this.log('fleet command failed unexpectedly', { err: e instanceof Error ? e.message : String(e) }));
    return this.chain;
  }

  private ackOf(commandId: string, f: Omit<Final, 'after'>): CommandAck {
    return { commandId, terminalId: this.terminalId, at: this.now().toISOString(), ...f };
  }

  private async handle(topic: string, payload: Uint8Array): Promise<void> {
    let command: Command;
    try {
      command = decode(Command, topic, payload);
    } catch (e) {
      // Without a valid envelope there is no trustworthy id to answer: answer when an id is readable, else log.
      const id = (() => {
        try {
          const v = JSON.parse(Buffer.from(payload).toString('utf8')) as { id?: unknown };
          return typeof v.id === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(v.id) ? v.id : null;
        } catch {
          return null;
        }
      })();
      const issues = e instanceof FleetMessageError ? e.issues.slice(0, 50) : [];
      this.log('fleet command refused: invalid envelope', { issues: issues.length });
      if (id && !this.ledger.get(id)) await this.out.ack(this.ackOf(id, { status: 'refused', reason: 'the command does not match the fleet schema', issues }));
      return;
    }
    const seen = this.ledger.get(command.id);
    if (seen) {
      // A redelivery: never run twice. Say again how it ended (the console may have missed it).
      await this.out.ack(seen.final ?? this.ackOf(command.id, { status: 'failed', reason: 'interrupted: the terminal stopped while running it; not run again' }));
      return;
    }
    this.ledger.markReceived(command.id);
    const final = await this.decide(command);
    const { after, ...rest } = final;
    const ack = this.ackOf(command.id, rest);
    this.ledger.finish(ack);
    await this.out.ack(ack);
    if (after) await after();
  }

  private async decide(command: Command): Promise<Final> {
    if (Date.parse(command.expiresAt) <= this.now().getTime()) return { status: 'expired', reason: `expired at ${command.expiresAt}` };
    const name = CommandName.safeParse(command.name);
    if (!name.success) return { status: 'unsupported', reason: `unknown command ${command.name}` };
    const args = COMMAND_ARGS[name.data].safeParse(command.args);
    if (!args.success) {
      return { status: 'refused', reason: 'invalid arguments', issues: args.error.issues.slice(0, 50).map((i) => ({ path: i.path.join('.'), message: i.message.slice(0, 300) })) };
    }
    await this.out.ack(this.ackOf(command.id, { status: 'received' }));
    this.log('fleet command', { commandId: command.id, name: name.data, issuedBy: command.issuedBy });
    try {
      const final = await this.execute(name.data, args.data as Record<string, unknown>, command);
      if (final.status === 'done') this.executed += 1;
      return final;
    } catch (e) {
      return { status: 'failed', reason: (e instanceof Error ? e.message : String(e)).slice(0, 500) };
    }
  }

  private service(): NonNullable<NonNullable<CommandAck['result']>['service']> {
    return serviceMode(this.ports.devices.serviceState(), this.ports.sessions.isOpen());
  }

  private async execute(name: CommandName, args: Record<string, unknown>, command: Command): Promise<Final> {
    const { ports } = this;
    switch (name) {
      case 'drain':
        await ports.devices.setOutOfService('drain');
        this.out.stateChanged();
        return { status: 'done', result: { service: this.service() } };
      case 'outOfService':
        await ports.devices.setOutOfService(String(args.reason));
        this.out.stateChanged();
        return { status: 'done', result: { service: this.service() } };
      case 'inService':
        await ports.devices.setOutOfService(null);
        this.out.stateChanged();
        return { status: 'done', result: { service: this.service() } };
      case 'reloadRenderer':
        if (!ports.window) return { status: 'unsupported', reason: 'this shell has no window host' };
        await ports.window.reloadRenderer();
        return { status: 'done' };
      case 'restartApp': {
        const window = ports.window;
        if (!window) return { status: 'unsupported', reason: 'this shell cannot restart itself' };
        // Answer first: after the restart nobody is left to say it worked.
        return { status: 'done', after: () => window.restartApp() };
      }
      case 'configPush':
        return this.configPush(args as z.infer<(typeof COMMAND_ARGS)['configPush']>);
      case 'logBundle': {
        if (!ports.diagnostics) return { status: 'unsupported', reason: 'no diagnostics bundle on this terminal' };
        const bundle = await ports.diagnostics.logBundle();
        return this.uploaded(command, bundle.fileName, 'application/gzip', bundle.bytes);
      }
      case 'screenshot': {
        if (!ports.window?.screenshot) return { status: 'unsupported', reason: 'this shell cannot capture its window (browser shell)' };
        // The screen of an open visit shows names and ID numbers unmasked in places: never upload it.
        if (ports.sessions.isOpen()) return { status: 'refused', reason: COMMAND_REFUSALS.sessionOpen };
        const png = await ports.window.screenshot();
        return this.uploaded(command, `screenshot-${this.terminalId}-${command.id}.png`, 'image/png', png);
      }
      case 'updateCheck': {
        if (!ports.update) return { status: 'unsupported', reason: 'this terminal has no update channel configured' };
        const outcome = await ports.update.check();
        return { status: 'done', reason: `update ${outcome.step}${outcome.reason ? `: ${outcome.reason}` : ''}`.slice(0, 500) };
      }
    }
  }

  private async uploaded(command: Command, fileName: string, contentType: Upload['contentType'], bytes: Uint8Array): Promise<Final> {
    if (bytes.byteLength > MAX_UPLOAD_BYTES) return { status: 'failed', reason: `the file is ${bytes.byteLength} bytes, over the ${MAX_UPLOAD_BYTES}-byte upload limit` };
    const safeName = fileName.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 200);
    await this.out.upload({ commandId: command.id, terminalId: this.terminalId, fileName: safeName, contentType, bytes: bytes.byteLength, base64: Buffer.from(bytes).toString('base64'), at: this.now().toISOString() });
    return { status: 'done', result: { upload: { fileName: safeName, bytes: bytes.byteLength, contentType } } };
  }

  private async configPush(args: z.infer<(typeof COMMAND_ARGS)['configPush']>): Promise<Final> {
    const { ports } = this;
    const secrets = [...Object.keys(args.values).filter((k) => SECRET_KEYS.includes(k)), ...iceCredentialPaths(args.values)];
    if (secrets.length > 0) return { status: 'refused', reason: 'secrets are not pushed from the fleet', issues: secrets.map((path) => ({ path, message: 'set on the terminal only' })) };
    const local = Object.keys(args.values).filter((k) => TERMINAL_ONLY_KEYS.includes(k));
    if (local.length > 0) return { status: 'refused', reason: 'these settings are not pushed from the fleet', issues: local.map((path) => ({ path, message: 'set on the terminal only' })) };
    if (ports.sessions.isOpen()) return { status: 'refused', reason: COMMAND_REFUSALS.sessionOpen };
    const before = ports.config.version();
    if (args.ifConfigVersion && args.ifConfigVersion !== before) return { status: 'refused', reason: `the terminal runs config ${before}, not ${args.ifConfigVersion}` };
    let plan;
    try {
      plan = await ports.config.push(args.values);
    } catch (e) {
      if (e instanceof ConfigPushRefused) return { status: 'refused', reason: e.message.slice(0, 500), issues: e.issues.slice(0, 50).map((i) => ({ path: i.path.slice(0, 120), message: i.message.slice(0, 300) })) };
      return this.rolledBack(before, e);
    }
    try {
      await ports.config.verify?.();
    } catch (e) {
      return this.rolledBack(before, e);
    }
    this.out.stateChanged();
    return { status: 'done', result: { configVersion: ports.config.version(), applied: plan.applied.slice(0, 50), restartNeeded: plan.restartNeeded.slice(0, 50) } };
  }

  /** A push that failed after it may have been written goes back to the version it replaced. */
  private async rolledBack(before: string, error: unknown): Promise<Final> {
    const why = error instanceof Error ? error.message : String(error);
    if (this.ports.config.version() !== before) {
      try {
        await this.ports.config.rollback();
      } catch (e) {
        return { status: 'failed', reason: `${why}; rollback failed too: ${e instanceof Error ? e.message : String(e)}`.slice(0, 500), result: { configVersion: this.ports.config.version() } };
      }
      this.out.stateChanged();
    }
    return { status: 'failed', reason: `${why}; config stays at ${this.ports.config.version()}`.slice(0, 500), result: { configVersion: this.ports.config.version() } };
  }
}
