// The 2D scanner (phone codes, receipt QR) and what identity by code allows. No scanner configured: no 亮码办事
// and the receipt QR is read by the camera only. `simulator` is development only (production-policy.ts).
import { z } from 'zod';

const SYMBOLOGY = z.enum(['qr', 'dataMatrix', 'pdf417', 'aztec', 'code128', 'ean13']);
const framing = {
  suffix: z.enum(['cr', 'crlf', 'tab', 'none']).default('cr'),
  /** Text the scanner is set to send before each code (`\xNN` escapes), stripped and required. */
  prefix: z.string().max(8).optional(),
  aimId: z.boolean().default(false),
};

export const QrScannerConfig = z.discriminatedUnion('transport', [
  z.strictObject({ transport: z.literal('simulator'), ...framing }),
  z.strictObject({
    transport: z.literal('serial'),
    port: z.string().min(1),
    baud: z.union([z.literal(9600), z.literal(19200), z.literal(38400), z.literal(57600), z.literal(115200)]).default(9600),
    mode: z.enum(['trigger', 'continuous']).default('trigger'),
    /** 'menu': the scanner takes Honeywell-style menu commands (mode and symbologies are set at connect). */
    commandSet: z.enum(['menu', 'none']).default('none'),
    symbologies: z.partialRecord(SYMBOLOGY, z.boolean()).default({}),
    ...framing,
  }),
  z.strictObject({
    transport: z.literal('hidPos'),
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
    path: z.string().min(1).optional(),
  }),
  /** A scanner posing as a keyboard: main takes its keys out of the window (never typed into a field). */
  z.strictObject({ transport: z.literal('keyboardWedge'), terminator: z.enum(['Enter', 'Tab']).default('Enter') }),
]);
export type QrScannerConfig = z.infer<typeof QrScannerConfig>;

export const IdentityConfig = z.strictObject({
  /** The phone codes this terminal accepts (the platform verifies each with its issuer). */
  codeKinds: z.array(z.enum(['ctid', 'social_security', 'gd_personal', 'sz_personal'])).min(1).default(['ctid', 'gd_personal', 'sz_personal', 'social_security']),
  /** Items that need the physical card (人证合一): a session by code alone is refused with the reason. */
  physicalCardItems: z.array(z.string().regex(/^[A-Z0-9]{4,20}$/)).default([]),
  /** Items that need card plus code: after the card is read, the phone code must belong to the same person. */
  cardPlusCodeItems: z.array(z.string().regex(/^[A-Z0-9]{4,20}$/)).default([]),
  /** How long the scan screen waits for a code. */
  scanTimeoutSeconds: z.number().int().min(10).max(120).default(45),
});
export type IdentityConfig = z.infer<typeof IdentityConfig>;
export const IDENTITY_DEFAULTS: IdentityConfig = IdentityConfig.parse({});
