// Which settings take effect at once and which need a restart. The live ones are read through ctx.config()
// on every use (centre name, idle timeouts, languages, PIN, required devices, scanner and A4 queue, camera, admin
// idle timeout, the receipt QR's progress host); the others were baked into objects built at start-up (backend client and its signing identity,
// the reader's port, the printer's transport, the outbox's retention, the journal's key).
import type { TerminalConfig } from './schema';

export const RESTART_PATHS = ['terminalId', 'terminalSecret', 'backend', 'devices.idReader', 'devices.receiptPrinter', 'retentionDays', 'journalKey', 'fleet'] as const;
const LIVE_PATHS = [
  'centreName', 'session', 'languages', 'defaultLanguage', 'adminPinHash', 'devices.required', 'devices.scanner', 'devices.a4Printer',
  'devices.documentCamera', 'admin', 'progressHost',
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
