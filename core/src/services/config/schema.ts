// Terminal configuration: validated with a schema when loaded and before every save. Secrets are never sent
// back to a screen (see config/public-view.ts).
import { z } from 'zod';

export const IdReaderConfig = z.discriminatedUnion('transport', [
  z.object({ transport: z.literal('simulator'), cards: z.string().optional(), pollIntervalMs: z.number().int().min(100).max(5000).default(400) }),
  z.object({
    transport: z.literal('serial'),
    port: z.string().min(1),
    baud: z.union([z.literal(115200), z.literal(57600), z.literal(38400), z.literal(19200), z.literal(9600)]).default(115200),
    pollIntervalMs: z.number().int().min(100).max(5000).default(400),
  }),
  z.object({
    transport: z.literal('hid'),
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
    pollIntervalMs: z.number().int().min(100).max(5000).default(400),
  }),
]);

export const ReceiptPrinterConfig = z.object({
  /** `virtual` starts the loopback virtual printer; otherwise tcp://host:port, file:/dev/usb/lp0 or serial:/dev/ttyS0. */
  address: z.union([z.literal('virtual'), z.string().regex(/^(tcp:\/\/[^\s:]+:\d{1,5}|file:\/\S+|serial:\/\S+)$/)]).default('virtual'),
  profile: z.enum(['58mm', '80mm']).default('80mm'),
  statusPollMs: z.number().int().min(500).max(60000).default(3000),
});

export const A4PrinterConfig = z.object({
  /** CUPS queue name (Linux `lp -d`); on Windows the printer name for the documented spooler path. */
  queue: z.string().min(1).max(127).default('PDF'),
});

export const ScannerConfig = z.object({
  source: z.enum(['sane', 'folder', 'none']).default('sane'),
  /** SANE device name (`test` is SANE's test backend) or the hot folder path. */
  device: z.string().min(1).default('test'),
  adf: z.boolean().default(false),
  resolution: z.number().int().min(75).max(600).default(300),
});

export const DocumentCameraConfig = z.object({
  /** Picked by label substring or deviceId; empty = the first camera. */
  label: z.string().max(120).default(''),
  deviceId: z.string().max(200).default(''),
});

export const BackendConfig = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('embedded-sandbox'), clockSpeed: z.number().positive().max(100000).default(600) }),
  z.object({ kind: z.literal('remote'), url: z.url({ protocol: /^https?$/ }), timeoutMs: z.number().int().min(500).max(120000).default(15000) }),
]);

export const TerminalConfig = z.object({
  terminalId: z.string().regex(/^[A-Z0-9-]{3,32}$/, 'terminal id: 3-32 of A-Z, 0-9 and -'),
  centreName: z.string().min(1).max(60),
  /** The civil time zone every time shown or printed uses (IANA name), and the date inside acceptance numbers. */
  timeZone: z.string().min(1).max(64).refine((tz) => { try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; } }, 'an IANA time zone such as Asia/Shanghai').default('Asia/Shanghai'),
  /** HMAC secret shared with the acceptance platform. Never displayed. */
  terminalSecret: z.string().min(16).max(256),
  backend: BackendConfig.default({ kind: 'embedded-sandbox', clockSpeed: 600 }),
  devices: z
    .object({
      idReader: IdReaderConfig.default({ transport: 'simulator', pollIntervalMs: 400 }),
      receiptPrinter: ReceiptPrinterConfig.default({ address: 'virtual', profile: '80mm', statusPollMs: 3000 }),
      a4Printer: A4PrinterConfig.default({ queue: 'PDF' }),
      scanner: ScannerConfig.default({ source: 'sane', device: 'test', adf: false, resolution: 300 }),
      documentCamera: DocumentCameraConfig.default({ label: '', deviceId: '' }),
      required: z.array(z.enum(['idReader', 'receiptPrinter', 'scanner', 'documentCamera'])).default(['idReader', 'receiptPrinter']),
    })
    .default({
      idReader: { transport: 'simulator', pollIntervalMs: 400 },
      receiptPrinter: { address: 'virtual', profile: '80mm', statusPollMs: 3000 },
      a4Printer: { queue: 'PDF' },
      scanner: { source: 'sane', device: 'test', adf: false, resolution: 300 },
      documentCamera: { label: '', deviceId: '' },
      required: ['idReader', 'receiptPrinter'],
    }),
  session: z
    .object({
      idleWarningSeconds: z.number().int().min(15).max(600).default(60),
      idleCountdownSeconds: z.number().int().min(10).max(120).default(30),
    })
    .default({ idleWarningSeconds: 60, idleCountdownSeconds: 30 }),
  languages: z.array(z.enum(['zh-CN', 'en'])).min(1).default(['zh-CN', 'en']),
  defaultLanguage: z.enum(['zh-CN', 'en']).default('zh-CN'),
  /** scrypt hash of the maintenance PIN, `scrypt$<salt b64>$<hash b64>`. */
  adminPinHash: z.string().regex(/^scrypt\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/),
  retentionDays: z.number().int().min(0).max(365).default(30),
});
export type TerminalConfig = z.infer<typeof TerminalConfig>;
export type TerminalConfigInput = z.input<typeof TerminalConfig>;
