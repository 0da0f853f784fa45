// Printing the 受理回执 (or the honest offline 提交回执) and showing it on screen.
import { z } from 'zod';

/** The session's language: the slip and its spoken text follow it (bilingual where the department keeps Chinese records). */
export const ReceiptLanguage = z.enum(['zh', 'en']);
export const PrintReceiptRequest = z.object({ localId: z.string().min(1).max(64), language: ReceiptLanguage.optional() }).strict();
/** 补打 by what proves the slip: its number + query password, or its QR as scanned (the progress-page link, checked in main). */
export const ReprintReceiptRequest = z.union([
  z.object({ acceptanceNumber: z.string().min(1).max(64), queryPassword: z.string().min(1).max(32), language: ReceiptLanguage.optional() }).strict(),
  z.object({ qrPayload: z.string().min(1).max(512), language: ReceiptLanguage.optional() }).strict(),
]);

/** 短信回执: the application's number and password texted to the mobile number on its form (main reads it). */
export const ReceiptSmsRequest = z.object({ localId: z.string().min(1).max(64) }).strict();
export const ReceiptSmsResponse = z.object({ sentTo: z.string() });

export const ReceiptView = z.object({
  localId: z.string(),
  /** accepted: number + password issued; offline: waiting in the outbox, tracking code only. */
  kind: z.enum(['accepted', 'offline']),
  acceptanceNumber: z.string().nullable(),
  queryPassword: z.string().nullable(),
  trackingCode: z.string(),
  /** What the QR code on the paper encodes. */
  qrPayload: z.string(),
  /** The receipt as text lines (masked name and ID), for the screen and for screen readers. */
  lines: z.array(z.string()),
  /** What 朗读本页 says for this slip: no password, no full number, no name or ID (receipts/receipt-speech). */
  speech: z.string(),
  /** PNG of the printed job (virtual printer only), base64; null on a real printer. */
  pngBase64: z.string().max(4_000_000).nullable(),
  reprint: z.boolean(),
  /**
   * false: the printer could not print it (paper out, cover open): the application is in, the receipt is
   * shown on screen and can be printed again once the printer is back. Absent: printed.
   */
  printed: z.boolean().optional(),
  /** Why it was not printed: the device reason (paperOut, coverOpen, …) screens translate. */
  printFault: z.string().max(64).optional(),
  /**
   * On an unprinted receipt: 短信回执 can be asked for — the application is accepted, the terminal sends them
   * (config `receiptSms`) and the form holds a mobile number. Absent or false: the screen offers no text.
   */
  smsOffered: z.boolean().optional(),
});
export type ReceiptView = z.infer<typeof ReceiptView>;
