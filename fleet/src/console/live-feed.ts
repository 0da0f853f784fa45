// The live feed as Server-Sent Events: alerts and command states at once, terminal changes coalesced to at most
// one `terminals` event a second (10,000 heartbeats a minute must not become 10,000 events per browser). Each
// stream sees only its operator's scope.
import type { ServerResponse } from 'node:http';
import type { Hub } from './hub';
import { inScope, scopeOf, type AlertRecord, type CommandRecord, type Operator } from './model';
import type { FleetStore } from './store';
import { alertItem, commandItem } from './views';

const TERMINALS_EVERY_MS = 1000;
const KEEPALIVE_MS = 15_000;

export class LiveFeed {
  private readonly streams = new Set<() => void>();
  /** terminalId → place, so scope checks on hot events need no store read after the first. */
  private readonly places = new Map<string, { district: string; street: string }>();

  constructor(
    private readonly store: FleetStore,
    private readonly hub: Hub,
    private readonly actionView: (op: Operator, actionId: string) => Promise<unknown>,
  ) {
    hub.on('state', (id) => this.places.delete(id));
  }

  private async place(terminalId: string) {
    let p = this.places.get(terminalId);
    if (!p) {
      const t = await this.store.getTerminal(terminalId);
      if (!t) return null;
      p = { district: t.district, street: t.street };
      this.places.set(terminalId, p);
    }
    return p;
  }

  open(op: Operator, res: ServerResponse): void {
    const scope = scopeOf(op);
    const visible = async (terminalId: string) => {
      const p = await this.place(terminalId);
      return p !== null && inScope(scope, p);
    };
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write('retry: 2000\n\n');
    const send = (event: string, data: unknown) => void res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const changed = new Set<string>();
    const onAlert = (a: AlertRecord) => void visible(a.terminalId).then((ok) => ok && send('alert', alertItem(a)));
    const onCommand = (c: CommandRecord) => void visible(c.terminalId).then((ok) => ok && send('command', commandItem(c)));
    const onTerminal = (id: string) => void changed.add(id);
    const onAction = (id: string) => void this.actionView(op, id).then((v) => v && send('action', v));
    const flush = setInterval(async () => {
      if (!changed.size) return;
      const ids = [...changed];
      changed.clear();
      const mine: string[] = [];
      for (const id of ids) if (await visible(id)) mine.push(id);
      if (mine.length) send('terminals', { terminalIds: mine });
    }, TERMINALS_EVERY_MS);
    const keepalive = setInterval(() => void res.write(': keepalive\n\n'), KEEPALIVE_MS);
    this.hub.on('alert', onAlert);
    this.hub.on('command', onCommand);
    this.hub.on('terminal', onTerminal);
    this.hub.on('action', onAction);
    const end = () => {
      clearInterval(flush);
      clearInterval(keepalive);
      this.hub.off('alert', onAlert);
      this.hub.off('command', onCommand);
      this.hub.off('terminal', onTerminal);
      this.hub.off('action', onAction);
      this.streams.delete(end);
      res.end();
    };
    this.streams.add(end);
    res.on('close', end);
  }

  closeAll(): void {
    for (const end of [...this.streams]) end();
  }
}
