// Which settings take effect at once and which need a restart. The live ones are read through ctx.config()
// on every use (centre name, idle timeouts, languages, PIN, required devices, scanner and A4 queue, camera, admin
// idle timeout, the receipt QR's progress host, identity by phone code, 短信回执, the hardware layout); the others were baked into objects built at start-up (backend client and its signing identity,
// the reader's port, the printer's transport, the outbox's retention, the journal's key, the 2D scanner's transport,
// the OCR engine, the fleet, update and remote-help agents; the time zone, which formatters took at start-up).
// Every key of the schema is in one list or the other (core/test/config/apply-plan.test.ts), so a save always says.
import type { TerminalConfig } from './schema';

export const RESTART_PATHS = [
  'terminalId', 'terminalSecret', 'backend', 'devices.idReader', 'devices.receiptPrinter', 'devices.qrScanner', 'retentionDays', 'journalKey', 'fleet',
  'update', 'remoteHelp', 'ocr', 'timeZone',
] as const;
export const LIVE_PATHS = [
  'centreName', 'session', 'languages', 'defaultLanguage', 'adminPinHash', 'devices.required', 'devices.scanner', 'devices.a4Printer',
  'devices.documentCamera', 'admin', 'progressHost', 'identity', 'receiptSms', 'hardwareLayout',
] as const;

function at(config: TerminalConfig, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], config);
}

export interface ApplyPlan {
  /** Changed settings now in effect. */
  applied: string[];
  /** Changed settings that take effect after a restart. */
  restartNeeded: string[];
}

export function planApply(before: TerminalConfig, after: TerminalConfig): ApplyPlan {
  const changed = (p: string) => JSON.stringify(at(before, p)) !== JSON.stringify(at(after, p));
  return { applied: LIVE_PATHS.filter(changed), restartNeeded: RESTART_PATHS.filter(changed) };
}
