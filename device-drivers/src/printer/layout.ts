// Receipt layouts are data: a list of blocks, validated here and rendered to bytes by escpos/render.ts.
// Screens and services build these lists; nobody concatenates ESC/POS strings by hand.
import { z } from 'zod';

const align = z.enum(['left', 'center', 'right']);

export const layoutBlockSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    text: z.string(),
    align: align.optional(),
    bold: z.boolean().optional(),
    /** Character magnification 1–4 (width and height); columns shrink accordingly. */
    size: z.number().int().min(1).max(4).optional(),
    /** Long text wraps by default; 'truncate' cuts it to one line ending in "…". */
    overflow: z.enum(['wrap', 'truncate']).optional(),
  }),
  z.object({ type: z.literal('leftRight'), left: z.string(), right: z.string(), bold: z.boolean().optional() }),
  z.object({
    type: z.literal('table'),
    columns: z
      .array(
        z.object({
          header: z.string().optional(),
          /** Display columns; omitted widths share what is left. */
          width: z.number().int().min(2).optional(),
          align: align.optional(),
        }),
      )
      .min(1),
    rows: z.array(z.array(z.string())),
  }),
  z.object({
    type: z.literal('qr'),
    data: z.string().min(1),
    /** Module size in dots (native) or scale (raster); 1–16. */
    size: z.number().int().min(1).max(16).optional(),
    ec: z.enum(['L', 'M', 'Q', 'H']).optional(),
  }),
  z.object({ type: z.literal('rule'), char: z.enum(['-', '=', '.', '*']).optional() }),
  z.object({ type: z.literal('feed'), lines: z.number().int().min(1).max(20).optional() }),
  z.object({ type: z.literal('cut') }),
]);

export const receiptLayoutSchema = z.array(layoutBlockSchema);

export type LayoutBlock = z.infer<typeof layoutBlockSchema>;
export type ReceiptLayout = LayoutBlock[];
export type Align = z.infer<typeof align>;
