// Step 2 of rendering: planned lines to ESC/POS bytes. This is our own encoder, not node-thermal-printer's:
// that library never sends FS &, encodes Chinese per character with ESC t injections, measures widths with
// String.length and computes the QR length from UTF-16 units (reference §1.2). We use it at most for transports.
import type { ReceiptLayout } from '../layout';
import type { PrinterProfile } from '../profiles';
import * as cmd from './commands';
import { planLayout, type PlannedOp } from './plan';
import { qrRaster } from './qr-raster';
import { encodeText } from './text-encoding';

export function renderLayout(layout: ReceiptLayout, profile: PrinterProfile): Uint8Array {
  return renderPlan(planLayout(layout, profile), profile);
}

export function renderPlan(ops: PlannedOp[], profile: PrinterProfile): Uint8Array {
  const out: number[] = [...cmd.initialize(), ...cmd.chineseModeReset()];
  const push = (bytes: ArrayLike<number>) => {
    for (let i = 0; i < bytes.length; i++) out.push(bytes[i]!);
  };
  // Track the modes we set so each line only sends what changed (after ESC @: left, normal, size 1).
  let align: 'left' | 'center' | 'right' = 'left';
  let bold = false;
  let size = 1;
  const setAlign = (a: typeof align) => {
    if (a !== align) push(cmd.align((align = a)));
  };
  for (const op of ops) {
    switch (op.kind) {
      case 'line':
        setAlign(op.align);
        if (op.bold !== bold) push(cmd.bold((bold = op.bold)));
        if (op.size !== size) push(cmd.characterSize((size = op.size), op.size));
        push(encodeText(op.text, profile));
        out.push(cmd.LF);
        break;
      case 'qr': {
        setAlign('center');
        if (profile.qr === 'native') {
          push(cmd.qrNative(new TextEncoder().encode(op.data), op.size, op.ec));
        } else {
          const bmp = qrRaster(op.data, op.size, op.ec, profile.dots);
          push(cmd.rasterImage(bmp.widthBytes, bmp.height, bmp.data));
        }
        out.push(cmd.LF);
        break;
      }
      case 'feed':
        push(cmd.feedLines(op.lines));
        break;
      case 'cut':
        push(cmd.feedLines(profile.feedBeforeCut));
        if (profile.cut) push(cmd.cut());
        break;
    }
  }
  return Uint8Array.from(out);
}
