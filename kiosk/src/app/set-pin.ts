// The maintenance PIN as an integrator provisions it (`npm run set-pin`, set-pin-cli.ts): set in a terminal's config
// file (the shared `adminPinHash`, or a maintainer's own under `admin.operators`), or printed as a scrypt hash for a config template (fleet provisioning). The PIN is read from stdin, never from the
// command line (shell history, `ps`), and must pass the PIN policy (6-12 digits, not repeated, not a run, not the
// development PIN). The rest of the file must pass the strict schema; it is written atomically, owner-only.
import { hashPin } from '@easydo/core/services/config/pin';
import { pinWeakness } from '@easydo/core/services/config/pin-policy';
import { parseConfig, readConfigFile, writeConfigFile } from '@easydo/core/services/config/load';

export class PinRefused extends Error {
  constructor(reason: string) {
    super(`PIN not set: ${reason}`);
    this.name = 'PinRefused';
  }
}

/** The hash to store, or PinRefused. */
export function hashAllowedPin(pin: string): string {
  const weak = pinWeakness(pin);
  if (weak) throw new PinRefused(weak);
  return hashPin(pin);
}

export function setPinInConfig(configFile: string, pin: string): void {
  const config = readConfigFile(configFile);
  writeConfigFile(configFile, { ...config, adminPinHash: hashAllowedPin(pin) });
}

/**
 * A maintainer's own PIN under their staff number (`admin.operators`): added, or replacing that number's PIN only.
 * The result is checked against the schema before it is written (a staff number is 3-8 digits).
 */
export function setOperatorPinInConfig(configFile: string, staffId: string, pin: string): void {
  const config = readConfigFile(configFile);
  const pinHash = hashAllowedPin(pin);
  const listed = config.admin.operators ?? [];
  const operators = listed.some((o) => o.id === staffId)
    ? listed.map((o) => (o.id === staffId ? { id: staffId, pinHash } : o))
    : [...listed, { id: staffId, pinHash }];
  writeConfigFile(configFile, parseConfig({ ...config, admin: { ...config.admin, operators } }, configFile));
}
