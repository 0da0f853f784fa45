// The maintenance PIN's format, one rule for the PIN pad (admin:login), the admin form and `npm run set-pin`.
// What makes a well-formed PIN too weak is services/admin/pin-policy.ts (it needs the PIN itself, so it runs
// where a PIN is set, not where only its hash is known).
import { z } from 'zod';

export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 12;
export const MaintenancePin = z
  .string()
  .regex(new RegExp(`^\\d{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`), `the maintenance PIN is ${PIN_MIN_DIGITS}-${PIN_MAX_DIGITS} digits`);
