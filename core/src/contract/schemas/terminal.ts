import { z } from 'zod';
import { Mode } from '../modes';

export const Language = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof Language>;

export const TerminalInfo = z.object({
  terminalId: z.string(),
  centreName: z.string(),
  mode: Mode,
  /** What the window was opened for: `admin` shows the PIN entry until admin:login succeeds. */
  entry: Mode,
  version: z.string(),
  defaultLanguage: Language,
  /** Simulated devices and sandbox backend: the UI shows the developer panel only then. */
  simulated: z.boolean(),
  /** The terminal's civil time zone (config `timeZone`): screens show every time in it. */
  timeZone: z.string(),
  /** 短信回执 is offered when the slip cannot be printed (config `receiptSms`). */
  receiptSms: z.boolean(),
});
export type TerminalInfo = z.infer<typeof TerminalInfo>;

export const Empty = z.object({}).strict();
export const Ack = z.object({ done: z.literal(true) });
