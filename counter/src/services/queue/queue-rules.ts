// Who is called next, as a pure function of today's tickets (so the rules are tested without a database).
// Order at a window: tickets transferred to this very window, then the green channel (elderly, disabled),
// then tickets transferred in from another category (they have already waited once), then issue order.
export type TicketState = 'waiting' | 'called' | 'done' | 'skipped';

export interface TicketRecord {
  id: string;
  day: string;
  /** Issue order within the day (all categories). */
  seq: number;
  category: string;
  number: string;
  priority: boolean;
  status: TicketState;
  source: 'kiosk' | 'counter';
  issuedAt: number;
  calledAt: number | null;
  window: string | null;
  targetWindow: string | null;
  transferred: boolean;
  recalls: number;
  finishedAt: number | null;
}

export interface CallScope {
  windowNo: string;
  /** Categories this window serves; undefined = all. */
  categories?: readonly string[];
}

function callable(t: TicketRecord, scope: CallScope): boolean {
  if (t.status !== 'waiting') return false;
  if (t.targetWindow !== null) return t.targetWindow === scope.windowNo;
  return !scope.categories || scope.categories.includes(t.category);
}

function rank(t: TicketRecord, windowNo: string): number[] {
  return [t.targetWindow === windowNo ? 0 : 1, t.priority ? 0 : 1, t.transferred ? 0 : 1, t.seq];
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The waiting tickets this window may call, in the order it calls them. */
export function callOrder(tickets: readonly TicketRecord[], scope: CallScope): TicketRecord[] {
  return tickets.filter((t) => callable(t, scope)).sort((a, b) => compare(rank(a, scope.windowNo), rank(b, scope.windowNo)));
}

/** Tickets ahead of `ticket` for an ordinary window serving its category (what the slip tells the resident). */
export function waitingAhead(tickets: readonly TicketRecord[], ticket: TicketRecord): number {
  const order = callOrder(tickets, { windowNo: '', categories: [ticket.category] });
  const at = order.findIndex((t) => t.id === ticket.id);
  return at < 0 ? 0 : at;
}

/** A0xx numbering: the category's letter and a per-category, per-day counter. */
export function ticketNumber(prefix: string, countInCategory: number): string {
  return `${prefix}${String(countInCategory).padStart(3, '0')}`;
}

/** Local calendar day: the queue starts afresh every morning. */
export function dayOf(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
