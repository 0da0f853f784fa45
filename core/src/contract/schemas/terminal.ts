import { z } from 'zod';
import { Mode } from '../modes';

export const Language = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof Language>;

/** Where a part sits on the terminal's front, below the screen, as a resident facing it sees it. */
export const FrontPlace = z.enum(['left', 'centre', 'right']);
export type FrontPlace = z.infer<typeof FrontPlace>;
/** The terminal's hardware layout (config `hardwareLayout`): the screens point at the part they ask for. */
export const HardwareLayout = z.strictObject({
  cardReader: FrontPlace,
  receiptSlot: FrontPlace,
  scanner: FrontPlace,
  qrImager: FrontPlace,
});
export type HardwareLayout = z.infer<typeof HardwareLayout>;
export type FrontPart = keyof HardwareLayout;
/** A common 易办事 cabinet: the reader and the imager on the right, the scanner in the middle, the slip on the left. */
export const DEFAULT_HARDWARE_LAYOUT: HardwareLayout = { cardReader: 'right', receiptSlot: 'left', scanner: 'centre', qrImager: 'right' };

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
  /** Where the card reader, receipt slot, scanner and 2D imager are (config `hardwareLayout`). */
  hardware: HardwareLayout,
});
export type TerminalInfo = z.infer<typeof TerminalInfo>;

export const Empty = z.object({}).strict();
export const Ack = z.object({ done: z.literal(true) });
