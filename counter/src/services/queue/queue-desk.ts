// The queue's use cases over the store and the rules: take a ticket, call, recall, skip, transfer, finish.
// Each window has at most one called ticket; calling the next one finishes the current one.
import { randomUUID } from 'node:crypto';
import type { QueueView, Ticket } from '@easydo/core/contract/schemas/counter-queue';
import { Failure } from '@easydo/core/services/ipc/failure';
import { callOrder, dayOf, ticketNumber, waitingAhead, type TicketRecord } from './queue-rules';
import type { QueueStore } from './queue-store';

export interface QueueCategoryDef {
  code: string;
  prefix: string;
  name: { zh: string; en: string };
}

export interface QueueDeskOptions {
  store: QueueStore;
  categories: () => readonly QueueCategoryDef[];
  now?: () => number;
}

/** Letters A, B, C … for the catalogue's categories in catalogue order (what the ticket slip shows). */
export function categoryDefs(categories: ReadonlyArray<{ code: string; name: { zh: string; en: string } }>): QueueCategoryDef[] {
  return categories.map((c, i) => ({ code: c.code, name: c.name, prefix: String.fromCharCode(65 + (i % 26)) }));
}

export class QueueDesk {
  private readonly now: () => number;

  constructor(private readonly options: QueueDeskOptions) {
    this.now = options.now ?? Date.now;
  }

  today(): TicketRecord[] {
    return this.options.store.day(dayOf(this.now()));
  }

  /** A new ticket in the category: `priority` tickets are called before ordinary ones; `source` is where it was taken. */
  take(categoryCode: string, { priority = false, source }: { priority?: boolean; source: 'kiosk' | 'counter' }): { ticket: Ticket; waitingAhead: number } {
    const category = this.category(categoryCode);
    const record = this.options.store.transaction(() => {
      const day = dayOf(this.now());
      const { seq, inPrefix } = this.options.store.counters(day, category.prefix);
      const t: TicketRecord = {
        id: randomUUID(), day, seq, category: category.code, number: ticketNumber(category.prefix, inPrefix), priority, status: 'waiting', source,
        issuedAt: this.now(), calledAt: null, window: null, targetWindow: null, transferred: false, recalls: 0, finishedAt: null,
      };
      this.options.store.insert(t);
      return t;
    });
    return { ticket: this.view(record), waitingAhead: waitingAhead(this.today(), record) };
  }

  current(windowNo: string): TicketRecord | null {
    return this.today().find((t) => t.status === 'called' && t.window === windowNo) ?? null;
  }

  /** Calls the next ticket for this window (or the given waiting/skipped one); null when nobody waits. */
  call(windowNo: string, ticketId?: string): TicketRecord | null {
    return this.options.store.transaction(() => {
      let next: TicketRecord | undefined;
      if (ticketId) {
        next = this.today().find((t) => t.id === ticketId);
        if (!next || (next.status !== 'waiting' && next.status !== 'skipped')) throw new Failure('state', 'That ticket cannot be called now', 'not-callable');
        if (next.targetWindow !== null && next.targetWindow !== windowNo) throw new Failure('state', 'That ticket was sent to another window', 'other-window');
      } else {
        next = callOrder(this.today(), { windowNo })[0];
      }
      this.finishCurrent(windowNo);
      if (!next) return null;
      const called: TicketRecord = { ...next, status: 'called', window: windowNo, calledAt: this.now(), targetWindow: null };
      this.options.store.update(called);
      return called;
    });
  }

  recall(windowNo: string): TicketRecord {
    const t = this.requireCurrent(windowNo);
    const updated = { ...t, recalls: t.recalls + 1, calledAt: this.now() };
    this.options.store.update(updated);
    return updated;
  }

  skip(windowNo: string): TicketRecord {
    const t = this.requireCurrent(windowNo);
    const updated: TicketRecord = { ...t, status: 'skipped', finishedAt: this.now() };
    this.options.store.update(updated);
    return updated;
  }

  transfer(windowNo: string, to: { category?: string; windowNo?: string }): TicketRecord {
    const t = this.requireCurrent(windowNo);
    if (to.windowNo === windowNo) throw new Failure('validation', 'The ticket is already at this window', 'same-window');
    const category = to.category ? this.category(to.category).code : t.category;
    const updated: TicketRecord = { ...t, status: 'waiting', category, targetWindow: to.windowNo ?? null, transferred: true, window: null, calledAt: null };
    this.options.store.update(updated);
    return updated;
  }

  finish(windowNo: string): void {
    this.finishCurrent(windowNo);
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

  private finishCurrent(windowNo: string): void {
    const t = this.current(windowNo);
    if (t) this.options.store.update({ ...t, status: 'done', finishedAt: this.now() });
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
