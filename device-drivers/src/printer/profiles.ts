// Printer profiles: what differs between receipt printer models and decides the bytes we send
// (after python-escpos's capability profiles). Paper width gives columns and dots for Font A (12x24 dots).
import { z } from 'zod';

export const printerProfileSchema = z.object({
  name: z.string().min(1),
  /** Font A columns (12-dot cells); a CJK character takes 2. */
  columns: z.number().int().min(16).max(64),
  /** Printable dots per line (8 dots/mm). */
  dots: z.number().int().min(128).max(1024),
  /** GB18030 printers take 4-byte sequences; GBK-only ones misprint them (e.g. Gprinter GP-58). */
  charset: z.enum(['gb18030', 'gbk']),
  /** Native QR (GS ( k) or a raster image (GS v 0) for firmware without QR. */
  qr: z.enum(['native', 'raster']),
  /** Whether the model has an autocutter (GS V). Without one we only feed to the tear bar. */
  cut: z.boolean(),
  /** Lines to feed before cutting so the last line clears the cutter. */
  feedBeforeCut: z.number().int().min(0).max(10),
});
export type PrinterProfile = z.infer<typeof printerProfileSchema>;

export const PROFILES = {
  '58mm': { name: '58mm', columns: 32, dots: 384, charset: 'gbk', qr: 'raster', cut: false, feedBeforeCut: 3 },
  '80mm': { name: '80mm', columns: 48, dots: 576, charset: 'gb18030', qr: 'native', cut: true, feedBeforeCut: 4 },
} as const satisfies Record<string, PrinterProfile>;

export type ProfileName = keyof typeof PROFILES;

export function getProfile(name: string): PrinterProfile {
  if (name in PROFILES) return PROFILES[name as ProfileName];
  throw new Error(`unknown printer profile "${name}" (known: ${Object.keys(PROFILES).join(', ')})`);
}
