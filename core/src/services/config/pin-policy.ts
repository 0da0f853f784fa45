// The maintenance PIN policy. Format (6-12 digits) is the contract's MaintenancePin; on top of it a PIN is too
// weak when it is the development PIN, one digit repeated (000000), or a run up or down (123456, 987654, 890123).
// A weak PIN can only be recognised where the PIN itself is known: when it is set (admin form, `npm run set-pin`).
// A config file holds only the scrypt hash, so at start-up the production profile can (and does) check just one
// thing, by verifying the hash: that it is not the development PIN.
import { MaintenancePin } from '@easydo/core/contract/schemas/maintenance-pin';
import { verifyPin } from './pin';

/** The PIN `npm start` writes into a fresh simulator config. Never accepted in production. */
export const DEV_ADMIN_PIN = '246810';

function isRun(digits: number[], step: 1 | -1): boolean {
  return digits.every((d, i) => i === 0 || d === (digits[i - 1]! + step + 10) % 10);
}

/** Why this PIN may not be set, or null when it may. */
export function pinWeakness(pin: string): string | null {
  const format = MaintenancePin.safeParse(pin);
  if (!format.success) return format.error.issues[0]!.message;
  if (pin === DEV_ADMIN_PIN) return 'the development PIN may not be used';
  const digits = [...pin].map(Number);
  if (digits.every((d) => d === digits[0])) return 'one digit repeated is too easy to guess';
  if (isRun(digits, 1) || isRun(digits, -1)) return 'a run of digits up or down is too easy to guess';
  return null;
}

/** The one check a stored hash allows: is it the development PIN? (A scrypt verify, about 50 ms.) */
export function isDevelopmentPinHash(hash: string): boolean {
  return verifyPin(DEV_ADMIN_PIN, hash);
}
