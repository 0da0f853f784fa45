// Terminal configuration: validated with a schema when loaded and before every save. Every object is strict: a
// misspelled key (`backnd`, `devices.idReader.prot`) is refused by name instead of silently falling back to a
// default. Which values production refuses on top of this is config/production-policy.ts. Secrets are never sent
// back to a screen (see config/public-view.ts).
import { RemoteHelpConfig } from './remote-help';
import { z } from 'zod';
import { IdentityConfig, IDENTITY_DEFAULTS, QrScannerConfig } from './qr-scanner-config';
import { PROGRESS_HOST_PATTERN } from '@easydo/backend-client/progress-link';
import { UpdateConfig } from '../update/config';
import { DEFAULT_HARDWARE_LAYOUT, HardwareLayout } from '@easydo/core/contract/schemas/terminal';

const pollIntervalMs = z.number().int().min(100).max(5000).default(400);

export const IdReaderConfig = z.discriminatedUnion('transport', [
  z.strictObject({ transport: z.literal('simulator'), cards: z.string().optional(), pollIntervalMs }),
  z.strictObject({
    transport: z.literal('serial'),
    port: z.string().min(1),
    baud: z.union([z.literal(115200), z.literal(57600), z.literal(38400), z.literal(19200), z.literal(9600)]).default(115200),
    pollIntervalMs,
  }),
  z.strictObject({
    transport: z.literal('hid'),
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
    /** OS device path (node-hid's devices()); wins over vendor/product when two readers share the ids. */
    path: z.string().min(1).optional(),
    /**
     * The SAM protocol has no standard HID mapping: the report layout is the vendor's. Supported is the
     * length-prefixed one (byte 0 = payload length) with these parameters.
     */
    framing: z
      .strictObject({
        kind: z.literal('length-prefixed').default('length-prefixed'),
        reportSize: z.number().int().min(8).max(1024).default(64),
        outputReportId: z.number().int().min(0).max(255).nullable().default(0),
        inputHasReportId: z.boolean().default(false),
      })
      .default({ kind: 'length-prefixed', reportSize: 64, outputReportId: 0, inputHasReportId: false }),
    pollIntervalMs,
  }),
]);

export const ReceiptPrinterConfig = z.strictObject({
  /** `virtual` starts the loopback virtual printer; otherwise tcp://host:port, file:/dev/usb/lp0 or serial:/dev/ttyS0. */
  address: z.union([z.literal('virtual'), z.string().regex(/^(tcp:\/\/[^\s:]+:\d{1,5}|file:\/\S+|serial:\/\S+)$/)]).default('virtual'),
  profile: z.enum(['58mm', '80mm']).default('80mm'),
  statusPollMs: z.number().int().min(500).max(60000).default(3000),
});

export const A4PrinterConfig = z.strictObject({
  /** CUPS queue name (Linux `lp -d`); on Windows the printer name for the documented spooler path. */
  queue: z.string().min(1).max(127).default('PDF'),
});

export const ScannerConfig = z.strictObject({
  source: z.enum(['sane', 'folder', 'none']).default('sane'),
  /** SANE device name (`test` is SANE's test backend) or the hot folder path. */
  device: z.string().min(1).default('test'),
  adf: z.boolean().default(false),
  resolution: z.number().int().min(75).max(600).default(300),
  /**
   * SANE scan mode. Default `Color`: the image pipeline hands the OCR a colour copy of a colour page, so a red
   * seal is told from the text under it (a grey scan reads the seal's text as text). `Gray` for a scanner
   * without colour; `device` passes no --mode (a backend without that option, such as `pnm`).
   */
  mode: z.enum(['Color', 'Gray', 'device']).optional(),
  /** Hot folder: hours a rejected file (not an image; may hold a name and ID) is kept for the maintainer. Default 24. */
  rejectedRetentionHours: z.number().int().min(1).max(720).optional(),
});

export const DocumentCameraConfig = z.strictObject({
  /** Picked by label substring or deviceId; empty = the first camera. */
  label: z.string().max(120).default(''),
  deviceId: z.string().max(200).default(''),
});

/**
 * Which OCR engine the kiosk's and counter's pools use. `ppocr` (default, as in the OCR CLI): PaddleOCR PP-OCRv4
 * (Chinese + Latin + digits, the terminal's zh-CN and en) on onnxruntime; on the bench's held-out scans 0.18x
 * native tesseract's CER at 1.0-1.16x its cpu time, ~0.5 GB per worker (issue 16's budget: 0.25x, 1.0x, 600 MB),
 * and it marks red seals (`stamp`) and keeps them out of the text. `tesseract`: tesseract.js, still selectable,
 * and the engine for languages the PP-OCR Chinese model lacks.
 */
export const OcrConfig = z.strictObject({
  engine: z.enum(['ppocr', 'tesseract']).default('ppocr'),
});

/** The embedded sandbox's progress host (openapi.yaml's default): development only. */
export const SANDBOX_PROGRESS_HOST = 'progress.sandbox.invalid';

export const BackendConfig = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('embedded-sandbox'), clockSpeed: z.number().positive().max(100000).default(600) }),
  // http is accepted by the schema for development against a local sandbox; production refuses it (production-policy.ts).
  z.strictObject({ kind: z.literal('remote'), url: z.url({ protocol: /^https?$/ }), timeoutMs: z.number().int().min(500).max(120000).default(15000) }),
]);

export const DEVICE_KINDS = ['idReader', 'receiptPrinter', 'scanner', 'documentCamera'] as const;
export const DeviceKind = z.enum(DEVICE_KINDS);
export type DeviceKind = z.infer<typeof DeviceKind>;

/** What the terminal is deployed as: a resident kiosk or a staffed counter (admin is a mode of either). */
export const TerminalRole = z.enum(['kiosk', 'counter']);
export type TerminalRole = z.infer<typeof TerminalRole>;

export const DEFAULT_REQUIRED: Record<TerminalRole, DeviceKind[]> = {
  // A kiosk cannot give a resident a receipt without paper; a counter hands out A4 and needs no thermal paper.
  kiosk: ['idReader', 'receiptPrinter'],
  counter: ['idReader'],
};

/**
 * Devices whose failure takes the terminal out of service, per role. The older form, one list, still loads and
 * means the same list for both roles.
 */
export const RequiredDevices = z
  .union([
    z.array(DeviceKind),
    z.strictObject({ kiosk: z.array(DeviceKind).default(DEFAULT_REQUIRED.kiosk), counter: z.array(DeviceKind).default(DEFAULT_REQUIRED.counter) }),
  ])
  .transform((r) => (Array.isArray(r) ? { kiosk: [...r], counter: [...r] } : r))
  .default({ kiosk: DEFAULT_REQUIRED.kiosk, counter: DEFAULT_REQUIRED.counter });

/**
 * Where the journal's data key comes from. `os-keystore`: Electron safeStorage (DPAPI, Keychain, libsecret or
 * KWallet; never the `basic_text` fallback). `file`: a 32-byte base64 key provisioned by the image (e.g. a TPM-sealed
 * systemd credential unsealed to a tmpfs at boot); it protects the journal on a disk that leaves the machine, not
 * against someone who runs code as the service user. See packaging/README.md.
 */
export const JournalKeyConfig = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('os-keystore') }),
  z.strictObject({ source: z.literal('file'), path: z.string().min(1) }),
]);

export const AdminConfig = z.strictObject({
  /** An admin who does nothing for this long is logged out and the window returns to its entry mode. */
  idleTimeoutSeconds: z.number().int().min(30).max(3600).default(300),
  /**
   * Maintainers with their own staff number and PIN (hash from `npm run set-pin`): the audit trail names who did
   * what. When any is listed, entry needs a staff number; with none, the shared `adminPinHash` opens and the trail
   * says `shared`.
   */
  operators: z
    .array(z.strictObject({ id: z.string().regex(/^\d{3,8}$/, 'a staff number of 3-8 digits'), pinHash: z.string().regex(/^scrypt\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/, 'a scrypt PIN hash (set it with `npm run set-pin`)') }))
    .max(100)
    .optional(),
});

/**
 * Joining the fleet (MQTT 5 broker; core/src/services/fleet/). Absent: the terminal runs without a fleet, as
 * before. Secrets stay in files (the key, a password file), never in the config a screen or a push can see.
 * Production refuses a plaintext `mqtt://` broker (production-policy.ts).
 */
export const FleetConfig = z.strictObject({
  brokerUrl: z.url({ protocol: /^mqtts?$/ }),
  auth: z.discriminatedUnion('kind', [
    /** Client certificate whose CN is the terminal id (the broker's `use_identity_as_username`). */
    z.strictObject({ kind: z.literal('certificate'), caFile: z.string().min(1), certFile: z.string().min(1), keyFile: z.string().min(1) }),
    /** Username = terminal id; the password is read from a file (one line). caFile: the broker's CA, else the system's. */
    z.strictObject({ kind: z.literal('password'), passwordFile: z.string().min(1), caFile: z.string().min(1).optional() }),
  ]),
  location: z.strictObject({ district: z.string().min(1).max(40), street: z.string().min(1).max(40), centre: z.string().min(1).max(60) }),
  heartbeatSeconds: z.number().int().min(10).max(3600).default(60),
});
export type FleetConfig = z.infer<typeof FleetConfig>;

export const TerminalConfig = z.strictObject({
  terminalId: z.string().regex(/^[A-Z0-9-]{3,32}$/, 'terminal id: 3-32 of A-Z, 0-9 and -'),
  centreName: z.string().min(1).max(60),
  /** The civil time zone every time shown or printed uses (IANA name), and the date inside acceptance numbers. */
  timeZone: z.string().min(1).max(64).refine((tz) => { try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; } }, 'an IANA time zone such as Asia/Shanghai').default('Asia/Shanghai'),
  /** HMAC secret shared with the acceptance platform. Never displayed. */
  terminalSecret: z.string().min(16).max(256),
  backend: BackendConfig.default({ kind: 'embedded-sandbox', clockSpeed: 600 }),
  /**
   * Host (and port) of the platform's public progress page: the receipt's QR opens
   * https://<progressHost>/progress/<number>?t=<token>. The default is the sandbox's placeholder (a reserved .invalid
   * name no phone resolves), which production refuses.
   */
  progressHost: z.string().regex(PROGRESS_HOST_PATTERN, 'a host name (with an optional :port), e.g. progress.example.gov.cn').default(SANDBOX_PROGRESS_HOST),
  devices: z
    .strictObject({
      idReader: IdReaderConfig.default({ transport: 'simulator', pollIntervalMs: 400 }),
      receiptPrinter: ReceiptPrinterConfig.default({ address: 'virtual', profile: '80mm', statusPollMs: 3000 }),
      a4Printer: A4PrinterConfig.default({ queue: 'PDF' }),
      scanner: ScannerConfig.default({ source: 'sane', device: 'test', adf: false, resolution: 300 }),
      documentCamera: DocumentCameraConfig.default({ label: '', deviceId: '' }),
      qrScanner: QrScannerConfig.optional(),
      required: RequiredDevices,
    })
    .default({
      idReader: { transport: 'simulator', pollIntervalMs: 400 },
      receiptPrinter: { address: 'virtual', profile: '80mm', statusPollMs: 3000 },
      a4Printer: { queue: 'PDF' },
      scanner: { source: 'sane', device: 'test', adf: false, resolution: 300 },
      documentCamera: { label: '', deviceId: '' },
      required: { kiosk: DEFAULT_REQUIRED.kiosk, counter: DEFAULT_REQUIRED.counter },
    }),
  session: z
    .strictObject({
      idleWarningSeconds: z.number().int().min(15).max(600).default(60),
      idleCountdownSeconds: z.number().int().min(10).max(120).default(30),
    })
    .default({ idleWarningSeconds: 60, idleCountdownSeconds: 30 }),
  admin: AdminConfig.default({ idleTimeoutSeconds: 300 }),
  ocr: OcrConfig.default({ engine: 'ppocr' }),
  identity: IdentityConfig.default(IDENTITY_DEFAULTS),
  journalKey: JournalKeyConfig.default({ source: 'os-keystore' }),
  languages: z.array(z.enum(['zh-CN', 'en'])).min(1).default(['zh-CN', 'en']),
  defaultLanguage: z.enum(['zh-CN', 'en']).default('zh-CN'),
  /** scrypt hash of the maintenance PIN, `scrypt$<salt b64>$<hash b64>` (set it with `npm run set-pin`). */
  adminPinHash: z.string().regex(/^scrypt\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/, 'a scrypt PIN hash (set it with `npm run set-pin`)'),
  retentionDays: z.number().int().min(0).max(365).default(30),
  /**
   * 短信回执: when the slip cannot be printed, the resident may have the number and password texted to the form's
   * mobile number through the platform (sendReceiptSms). Off where the platform sends no SMS or the centre wants none.
   */
  receiptSms: z.boolean().default(true),
  /**
   * Where the parts sit on this cabinet's front, below the screen (left, centre, right as the resident sees them):
   * the screens' pictures and words point there ("请把证件放在屏幕下方右侧的读卡区").
   */
  hardwareLayout: HardwareLayout.default(DEFAULT_HARDWARE_LAYOUT),
  fleet: FleetConfig.optional(),
  /** Staged self-updates (core/src/services/update/); absent: the terminal never updates itself. */
  update: UpdateConfig.optional(),
  /** 远程视频帮办 (core/src/services/remote-help/); absent: the defaults. */
  remoteHelp: RemoteHelpConfig.optional(),
});
export type TerminalConfig = z.infer<typeof TerminalConfig>;
export type TerminalConfigInput = z.input<typeof TerminalConfig>;
