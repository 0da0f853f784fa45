// Receipt data → ESC/POS bytes for a printer profile, in one call for the kiosk flow (and reprints).
import { renderLayout } from '@easydo/device-drivers/printer/escpos/render';
import type { PrinterProfile } from '@easydo/device-drivers/printer/profiles';
import { buildAcceptanceReceiptLayout, type ReceiptBuildOptions } from './acceptance-receipt';
import type { AcceptanceReceiptData } from './receipt-data';

export function buildAcceptanceReceiptBytes(data: AcceptanceReceiptData, profile: PrinterProfile, options: ReceiptBuildOptions): Uint8Array {
  return renderLayout(buildAcceptanceReceiptLayout(data, { paper: profile, ...options }), profile);
}
