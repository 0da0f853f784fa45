// Commands to terminals: checked against the fleet's argument schemas and the operator's scope, recorded before
// they are published (so an ack can never find no command), published QoS 1, expired by the console when no final
// answer came in time. Fleet-wide actions go through the pacer, one command per token.
import { randomUUID } from 'node:crypto';
import { COMMAND_ARGS, type Command, type CommandName } from '@easydo/core/services/fleet/messages';
import type { Hub } from './hub';
import { inScope, scopeOf, type ActionRecord, type CommandRecord, type Operator, type TerminalRecord } from './model';
import type { Pacer } from './pacer';
import type { FleetStore } from './store';

export class CommandError extends Error {
  constructor(
    readonly code: 'not_found' | 'validation_failed' | 'forbidden' | 'empty_selection',
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export interface Publisher {
  publishCommand(terminalId: string, command: Command): Promise<void>;
}

export interface Selection {
  terminalIds?: string[];
  district?: string;
  street?: string;
  centre?: string;
}

export const DEFAULT_TTL_SECONDS = 15 * 60;

export class CommandDesk {
  constructor(
    private readonly store: FleetStore,
    private readonly publisher: Publisher,
    private readonly hub: Hub,
    private readonly pacer: Pacer,
    private readonly now: () => number = Date.now,
  ) {}

  /** Validates the arguments for the name (the same schema the terminal checks them with). */
  checkArgs(name: CommandName, args: unknown): Record<string, unknown> {
    const r = COMMAND_ARGS[name].safeParse(args ?? {});
    if (!r.success) throw new CommandError('validation_failed', `arguments of ${name} do not match`, r.error.issues.map((i) => ({ path: ['args', ...i.path].join('.'), message: i.message })));
    return r.data as Record<string, unknown>;
  }

  private async visibleTerminal(op: Operator, terminalId: string): Promise<TerminalRecord> {
    const t = await this.store.getTerminal(terminalId);
    // A terminal outside the operator's scope is "not found": a street operator learns nothing about others.
    if (!t || !inScope(scopeOf(op), t)) throw new CommandError('not_found', `no terminal ${terminalId}`);
    return t;
  }

  private record(op: Operator, terminalId: string, name: CommandName, args: Record<string, unknown>, ttlSeconds: number, actionId: string | null): CommandRecord {
    const issued = this.now();
    return {
      commandId: randomUUID(),
      terminalId,
      name,
      args,
      issuedBy: op.username,
      issuedAt: new Date(issued).toISOString(),
      expiresAt: new Date(issued + ttlSeconds * 1000).toISOString(),
      status: 'pending',
      reason: null,
      result: null,
      updatedAt: new Date(issued).toISOString(),
      actionId,
    };
  }

  private async publish(c: CommandRecord): Promise<void> {
    // A paced command may have expired in the queue: it is not sent late.
    if ((await this.store.getCommand(c.commandId))?.status !== 'pending') return;
    const wire: Command = { id: c.commandId, name: c.name, args: c.args, issuedAt: c.issuedAt, expiresAt: c.expiresAt, issuedBy: c.issuedBy };
    try {
      await this.publisher.publishCommand(c.terminalId, wire);
      await this.store.markSent(c.commandId, new Date(this.now()).toISOString());
      const updated = await this.store.getCommand(c.commandId);
      if (updated) this.hub.emit('command', updated);
    } catch {
      // Left `pending`: the expiry sweep closes it if the broker never takes it.
    }
  }

  async issue(op: Operator, terminalId: string, name: CommandName, rawArgs: unknown, ttlSeconds = DEFAULT_TTL_SECONDS): Promise<CommandRecord> {
    const args = this.checkArgs(name, rawArgs);
    await this.visibleTerminal(op, terminalId);
    const c = this.record(op, terminalId, name, args, ttlSeconds, null);
    await this.store.putCommand(c);
    this.hub.emit('command', c);
    await this.publish(c);
    return (await this.store.getCommand(c.commandId)) ?? c;
  }

  /** The terminals a selection names, limited to the operator's scope (never widened by it). */
  async resolve(op: Operator, sel: Selection): Promise<TerminalRecord[]> {
    const all = await this.store.listTerminals(scopeOf(op));
    const ids = sel.terminalIds ? new Set(sel.terminalIds) : null;
    return all
      .filter((t) => (!ids || ids.has(t.terminalId)) && (!sel.district || t.district === sel.district) && (!sel.street || t.street === sel.street) && (!sel.centre || t.centre === sel.centre))
      .sort((a, b) => a.terminalId.localeCompare(b.terminalId));
  }

  async fleetAction(op: Operator, sel: Selection, name: CommandName, rawArgs: unknown, ttlSeconds = DEFAULT_TTL_SECONDS): Promise<ActionRecord> {
    const args = this.checkArgs(name, rawArgs);
    if (!sel.terminalIds && !sel.district && !sel.street && !sel.centre && op.role !== 'city') throw new CommandError('forbidden', 'only a city operator may act on the whole fleet');
    const targets = await this.resolve(op, sel);
    if (!targets.length) throw new CommandError('empty_selection', 'the selection names no terminal you can see');
    const action: ActionRecord = { actionId: randomUUID(), name, args, issuedBy: op.username, issuedAt: new Date(this.now()).toISOString(), selection: { ...sel }, total: targets.length };
    await this.store.putAction(action);
    const records = targets.map((t) => this.record(op, t.terminalId, name, args, ttlSeconds, action.actionId));
    for (const c of records) await this.store.putCommand(c);
    for (const c of records) {
      this.pacer.schedule(() => void this.publish(c).then(() => this.hub.emit('action', action.actionId)));
    }
    return action;
  }

  /** Closes commands past their expiry (called on a timer). */
  async sweep(): Promise<number> {
    const expired = await this.store.expireCommands(new Date(this.now()).toISOString());
    for (const c of expired) {
      this.hub.emit('command', c);
      if (c.actionId) this.hub.emit('action', c.actionId);
    }
    return expired.length;
  }
}
