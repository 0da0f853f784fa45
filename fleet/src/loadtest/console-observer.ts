// The load test's operator: signed in to the real console's REST API, reading its live feed (SSE, what the web
// app's alert list shows) the way a browser does. An alert is "visible" when its `alert` event arrives on the feed
// (latency = arrival - the alert's `at`, raise or clear). A terminal is "online at the console" when the console's
// API says so with a state published at or after a given moment: after a broker restart the console still holds
// the old retained state, so only a fresh one proves the terminal is back. The feed's `terminals` events say which
// terminals changed; each is then read with GET /api/terminals/{id}.
import { alertKey } from './protocol';

interface TerminalView {
  online: boolean;
  stateAt: number;
}

export class ConsoleObserver {
  readonly alerts = new Map<string, number>();
  readonly latencies: Array<{ receivedAt: number; latencyMs: number }> = [];
  /** Raised alerts only: the alert's `at` → the console's own receipt stamp (`receivedAt`), to split the latency. */
  readonly ingestLatencies: Array<{ receivedAt: number; latencyMs: number }> = [];
  readonly terminals = new Map<string, TerminalView>();
  duplicates = 0;
  /** Feed events or API answers that were not what fleet/openapi.yaml says. */
  invalid = 0;
  apiReads = 0;
  private cookie = '';
  private readonly abort = new AbortController();
  private feed: Promise<void> | null = null;
  private feedOpen = false;
  private since = 0;
  private readonly changed = new Set<string>();
  private readers = 0;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly url: string,
    private readonly operator: { username: string; password: string },
    private readonly concurrency = 4,
  ) {}

  async open(): Promise<void> {
    const res = await fetch(`${this.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(this.operator) });
    if (res.status !== 200) throw new Error(`console sign-in answered ${res.status}`);
    const set = res.headers.get('set-cookie') ?? '';
    this.cookie = set.split(';')[0]!;
    const feed = await fetch(`${this.url}/api/events`, { headers: { cookie: this.cookie, accept: 'text/event-stream' }, signal: this.abort.signal });
    if (feed.status !== 200 || !feed.body) throw new Error(`console live feed answered ${feed.status}`);
    this.feedOpen = true;
    this.feed = this.read(feed.body).catch(() => undefined).finally(() => {
      this.feedOpen = false;
    });
  }

  get connected(): boolean {
    return this.feedOpen;
  }

  /** From now on, a terminal counts as online only with a state published at or after `since`. */
  requireStateSince(since: number): void {
    this.since = since;
  }

  onlineSince(since: number): number {
    let n = 0;
    for (const t of this.terminals.values()) if (t.online && t.stateAt >= since) n += 1;
    return n;
  }

  /** The worst-first list an operator opens: how many terminals it holds and how many say online. */
  async list(): Promise<{ total: number; online: number }> {
    const res = await fetch(`${this.url}/api/terminals`, { headers: { cookie: this.cookie } });
    const body = (await res.json()) as { total: number; groups: Array<{ terminals: Array<{ online: boolean }> }> };
    return { total: body.total, online: body.groups.reduce((a, g) => a + g.terminals.filter((t) => t.online).length, 0) };
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        this.onEvent(block);
      }
    }
  }

  private onEvent(block: string): void {
    const now = Date.now();
    let event = 'message';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (!data) return;
    try {
      if (event === 'alert') {
        const a = JSON.parse(data) as { alertId: string; at: string; receivedAt: string; clearedAt: string | null };
        const key = alertKey(a.alertId, a.clearedAt !== null);
        if (this.alerts.has(key)) this.duplicates += 1;
        else {
          this.alerts.set(key, now);
          this.latencies.push({ receivedAt: now, latencyMs: now - Date.parse(a.clearedAt ?? a.at) });
          if (a.clearedAt === null) this.ingestLatencies.push({ receivedAt: now, latencyMs: Date.parse(a.receivedAt) - Date.parse(a.at) });
        }
      } else if (event === 'terminals') {
        const { terminalIds } = JSON.parse(data) as { terminalIds: string[] };
        for (const id of terminalIds) {
          const known = this.terminals.get(id);
          if (!known || !known.online || known.stateAt < this.since) this.changed.add(id);
        }
        this.pump();
      }
    } catch {
      this.invalid += 1;
    }
    this.wake();
  }

  private pump(): void {
    while (this.readers < this.concurrency && this.changed.size) {
      const id = this.changed.values().next().value as string;
      this.changed.delete(id);
      this.readers += 1;
      void this.readTerminal(id).finally(() => {
        this.readers -= 1;
        this.wake();
        this.pump();
      });
    }
  }

  private async readTerminal(id: string): Promise<void> {
    try {
      // No abort signal here: thousands of reads in flight would each hang a listener on it.
      const res = await fetch(`${this.url}/api/terminals/${encodeURIComponent(id)}`, { headers: { cookie: this.cookie } });
      this.apiReads += 1;
      if (res.status !== 200) {
        this.invalid += 1;
        return;
      }
      const body = (await res.json()) as { terminal: { online: boolean }; stateAt: string };
      this.terminals.set(id, { online: body.terminal.online, stateAt: Date.parse(body.stateAt) });
    } catch {
      if (!this.abort.signal.aborted) this.changed.add(id);
    }
  }

  private wake(): void {
    if (this.waiters.length) for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves at the next event or API answer (or after `ms`). */
  tick(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.feed;
  }
}
