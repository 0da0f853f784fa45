// The queue's use cases over the store and the rules: take a ticket, call, recall, skip, transfer, finish.
// Each window has at most one called ticket; calling the next one finishes the current one.
// The day's tickets live in memory (this desk is their only writer; a day holds hundreds, not millions): each change
// is made there at once, so two calls in the same instant never see the queue half-changed, and is written through
// to the database worker before the call answers, so a ticket handed out survives a restart. A write that fails
// reloads the day from the file (what is on disk is the truth) and fails the call.
import { randomUUID } from 'node:crypto';
import type { QueueView, Ticket } from '@easydo/core/contract/schemas/counter-queue';
import { Failure } from '@easydo/core/services/errors/failure';
import { callOrder, dayOf, ticketNumber, waitingAhead, type TicketRecord } from './queue-rules';
import type { QueueStorePort } from '../store/counter-db';

export interface QueueCategoryDef {
  code: string;
  prefix: string;
  name: { zh: string; en: string };
}

export interface QueueDeskOptions {
  store: QueueStorePort;
  categories: () => readonly QueueCategoryDef[];
  now?: () => number;
}

/** Letters A, B, C … for the catalogue's categories in catalogue order (what the ticket slip shows). */
export function categoryDefs(categories: ReadonlyArray<{ code: string; name: { zh: string; en: string } }>): QueueCategoryDef[] {
  return categories.map((c, i) => ({ code: c.code, name: c.name, prefix: String.fromCharCode(65 + (i % 26)) }));
}

export class QueueDesk {
  private readonly now: () => number;
  private loaded: { day: string; tickets: TicketRecord[] };

  private constructor(private readonly options: QueueDeskOptions, day: string, tickets: TicketRecord[]) {
    this.now = options.now ?? Date.now;
    this.loaded = { day, tickets };
  }

  /** The desk with today's tickets read from the store (a restart keeps the morning's queue). */
  static async open(options: QueueDeskOptions): Promise<QueueDesk> {
    const day = dayOf((options.now ?? Date.now)());
    return new QueueDesk(options, day, await options.store.day(day));
  }

  /** Today's tickets in issue order; a new day starts empty (its tickets are all issued here). */
  today(): readonly TicketRecord[] {
    const day = dayOf(this.now());
    if (this.loaded.day !== day) this.loaded = { day, tickets: [] };
    return this.loaded.tickets;
  }

  /** A new ticket in the category: `priority` tickets are called before ordinary ones; `source` is where it was taken. */
  async take(categoryCode: string, { priority = false, source }: { priority?: boolean; source: 'kiosk' | 'counter' }): Promise<{ ticket: Ticket; waitingAhead: number }> {
    const category = this.category(categoryCode);
    const tickets = this.today();
    const seq = tickets.reduce((max, t) => Math.max(max, t.seq), 0) + 1;
    // Numbers keep their prefix when a ticket is transferred, so the count is by number, not by category.
    const inPrefix = tickets.filter((t) => t.number.startsWith(category.prefix)).length + 1;
    const record: TicketRecord = {
      id: randomUUID(), day: this.loaded.day, seq, category: category.code, number: ticketNumber(category.prefix, inPrefix), priority, status: 'waiting', source,
      issuedAt: this.now(), calledAt: null, window: null, targetWindow: null, transferred: false, recalls: 0, finishedAt: null,
    };
    const ahead = waitingAhead([...tickets, record], record);
    await this.commit([record]);
    return { ticket: this.view(record), waitingAhead: ahead };
  }

  current(windowNo: string): TicketRecord | null {
    return this.today().find((t) => t.status === 'called' && t.window === windowNo) ?? null;
  }

  /** Calls the next ticket for this window (or the given waiting/skipped one); null when nobody waits. */
  async call(windowNo: string, ticketId?: string): Promise<TicketRecord | null> {
    let next: TicketRecord | undefined;
    if (ticketId) {
      next = this.today().find((t) => t.id === ticketId);
      if (!next || (next.status !== 'waiting' && next.status !== 'skipped')) throw new Failure('state', 'That ticket cannot be called now', 'not-callable');
      if (next.targetWindow !== null && next.targetWindow !== windowNo) throw new Failure('state', 'That ticket was sent to another window', 'other-window');
    } else {
      next = callOrder(this.today(), { windowNo })[0];
    }
    const finished = this.finishedCurrent(windowNo);
    const called: TicketRecord | null = next ? { ...next, status: 'called', window: windowNo, calledAt: this.now(), targetWindow: null } : null;
    const changes = [...(finished ? [finished] : []), ...(called ? [called] : [])];
    if (changes.length > 0) await this.commit(changes);
    return called;
  }

  async recall(windowNo: string): Promise<TicketRecord> {
    const t = this.requireCurrent(windowNo);
    const updated = { ...t, recalls: t.recalls + 1, calledAt: this.now() };
    await this.commit([updated]);
    return updated;
  }

  async skip(windowNo: string): Promise<TicketRecord> {
    const t = this.requireCurrent(windowNo);
    const updated: TicketRecord = { ...t, status: 'skipped', finishedAt: this.now() };
    await this.commit([updated]);
    return updated;
  }

  async transfer(windowNo: string, to: { category?: string; windowNo?: string }): Promise<TicketRecord> {
    const t = this.requireCurrent(windowNo);
    if (to.windowNo === windowNo) throw new Failure('validation', 'The ticket is already at this window', 'same-window');
    const category = to.category ? this.category(to.category).code : t.category;
    const updated: TicketRecord = { ...t, status: 'waiting', category, targetWindow: to.windowNo ?? null, transferred: true, window: null, calledAt: null };
    await this.commit([updated]);
    return updated;
  }

  async finish(windowNo: string): Promise<void> {
    const finished = this.finishedCurrent(windowNo);
    if (finished) await this.commit([finished]);
  }

  waitingCount(): number {
    return this.today().filter((t) => t.status === 'waiting').length;
  }

  viewFor(windowNo: string): QueueView {
    const all = this.today();
    const current = all.find((t) => t.status === 'called' && t.window === windowNo) ?? null;
    return {
      day: dayOf(this.now()),
      windowNo,
      categories: this.options.categories().map((c) => ({ ...c, waiting: all.filter((t) => t.status === 'waiting' && t.category === c.code).length })),
      waiting: callOrder(all, { windowNo }).map((t) => this.view(t)),
      current: current ? this.view(current) : null,
      skipped: all.filter((t) => t.status === 'skipped').map((t) => this.view(t)),
      doneToday: all.filter((t) => t.status === 'done' && t.window === windowNo).length,
    };
  }

  view(t: TicketRecord): Ticket {
    const cat = this.options.categories().find((c) => c.code === t.category);
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    return {
      id: t.id, number: t.number, category: t.category, categoryName: cat?.name ?? { zh: t.category, en: t.category }, priority: t.priority, status: t.status,
      source: t.source, issuedAt: new Date(t.issuedAt).toISOString(), calledAt: iso(t.calledAt), window: t.window, targetWindow: t.targetWindow,
      transferred: t.transferred, recalls: t.recalls,
    };
  }

  /** The window's called ticket as done (not yet committed), or null when none is called there. */
  private finishedCurrent(windowNo: string): TicketRecord | null {
    const t = this.current(windowNo);
    return t ? { ...t, status: 'done', finishedAt: this.now() } : null;
  }

  /** Makes the changes in memory at once (the next call sees them), then writes them through. */
  private async commit(changes: TicketRecord[]): Promise<void> {
    const tickets = this.loaded.tickets;
    for (const c of changes) {
      const at = tickets.findIndex((t) => t.id === c.id);
      if (at >= 0) tickets[at] = c;
      else tickets.push(c);
    }
    try {
      await this.options.store.write(changes);
    } catch (e) {
      const day = this.loaded.day;
      const onDisk = await this.options.store.day(day).catch(() => null);
      if (onDisk && this.loaded.day === day) this.loaded = { day, tickets: onDisk };
      throw new Failure('internal', `The queue could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private requireCurrent(windowNo: string): TicketRecord {
    const t = this.current(windowNo);
    if (!t) throw new Failure('state', 'No ticket is called at this window', 'no-current-ticket');
    return t;
  }

  private category(code: string): QueueCategoryDef {
    const c = this.options.categories().find((x) => x.code === code);
    if (!c) throw new Failure('validation', `Unknown service category ${code}`, 'unknown-category');
    return c;
  }
}
