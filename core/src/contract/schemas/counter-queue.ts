// The counter's ticket queue (叫号): tickets by service category, called at numbered windows.
import { z } from 'zod';
import { LocalText } from './catalogue';

export const TicketStatus = z.enum(['waiting', 'called', 'done', 'skipped']);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const Ticket = z.object({
  id: z.string(),
  /** What the resident holds and the display shows, e.g. A003 (green channel: A003 with priority). */
  number: z.string(),
  category: z.string(),
  categoryName: LocalText,
  /** Green channel (elderly, disabled): called before ordinary tickets. */
  priority: z.boolean(),
  status: TicketStatus,
  source: z.enum(['kiosk', 'counter']),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  /** The window that called it last. */
  window: z.string().nullable(),
  /** Transferred to one window: only that window calls it. */
  targetWindow: z.string().nullable(),
  transferred: z.boolean(),
  recalls: z.number().int().nonnegative(),
});
export type Ticket = z.infer<typeof Ticket>;

export const QueueCategory = z.object({ code: z.string(), prefix: z.string(), name: LocalText, waiting: z.number().int().nonnegative() });
export type QueueCategory = z.infer<typeof QueueCategory>;

export const QueueView = z.object({
  day: z.string(),
  windowNo: z.string(),
  categories: z.array(QueueCategory),
  /** In the order this window would call them. */
  waiting: z.array(Ticket),
  current: Ticket.nullable(),
  skipped: z.array(Ticket),
  doneToday: z.number().int().nonnegative(),
});
export type QueueView = z.infer<typeof QueueView>;

export const TakeTicketRequest = z.object({ category: z.string().min(1).max(64), priority: z.boolean().default(false) }).strict();
export const TakeTicketResponse = z.object({ ticket: Ticket, waitingAhead: z.number().int().nonnegative() });
export type TakeTicketResponse = z.infer<typeof TakeTicketResponse>;

export const CallTicketRequest = z.object({ ticketId: z.string().min(1).max(64).optional() }).strict();
export const TransferTicketRequest = z
  .object({ category: z.string().min(1).max(64).optional(), windowNo: z.string().min(1).max(16).optional() })
  .strict()
  .refine((r) => r.category !== undefined || r.windowNo !== undefined, 'a category or a window is needed');

export const TicketCalled = z.object({
  number: z.string(),
  windowNo: z.string(),
  categoryName: LocalText,
  priority: z.boolean(),
  recall: z.boolean(),
});
export type TicketCalled = z.infer<typeof TicketCalled>;
