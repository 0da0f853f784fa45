// Every reason an error may carry across the contract. A screen translates the reason (and, without one, the
// error's code); the English `message` is for logs. Adding a reason here without a zh-CN and an English text
// fails core/test/contract/error-translations.test.ts, and a Failure with a reason not listed here does not compile.
import { z } from 'zod';

/**
 * Device fault codes the drivers report (printer status, scanner errors, CUPS). Service-state reasons and a
 * device's lastError carry them; screens translate these, never the driver's English sentence.
 */
export const DEVICE_FAULTS = [
  'paperOut',
  'coverOpen',
  'printerError',
  'notReady',
  'timeout',
  'cancelled',
  'jammed',
  'noPaper',
  'busy',
  'deviceNotFound',
  'accessDenied',
  'ioError',
  'scanFailed',
  'notInstalled',
  'scannerHung',
  'noDevice',
  'lpMissing',
  'lpFailed',
  'badLpOutput',
] as const;
export type DeviceFault = (typeof DEVICE_FAULTS)[number];

/** Refusals of identity by phone code and card plus code (core/src/services/identity). */
export const IDENTITY_CODE_REASONS = [
  'code-expired',
  'code-used',
  'code-unknown-issuer',
  'code-revoked',
  'code-clock-skew',
  'code-malformed',
  'code-unreadable',
  'code-timeout',
  'code-not-same-person',
  'code-kind-not-accepted',
  'no-code-scanner',
  'physical-card-required',
  'card-plus-code-required',
] as const;

export const ERROR_REASONS = [
  // cards, sessions, service state
  'no-card',
  'session-ended',
  'session-active',
  'out-of-service',
  'not-yours',
  'not-this-resident',
  'not-simulated',
  'window-closed',
  'unknown-card',
  'card-expired',
  // identity by phone code (亮码办事)
  ...IDENTITY_CODE_REASONS,
  // catalogue and forms
  'unknown-item',
  'catalogue-unavailable',
  'form-invalid',
  'signature-invalid',
  'level-invalid',
  // materials
  'no-materials',
  'materials-item-mismatch',
  'materials-missing',
  'certificate-gone',
  'sessionWiped',
  'notAnImage',
  'imageTooLarge',
  'imageTooSmall',
  'unknownMaterial',
  'unknownPage',
  'unknownCertificate',
  'materialsMissing',
  // applications, receipts, progress, evaluation
  'not-found',
  'purged',
  'qr-unknown',
  'query-wrong-password',
  'query-locked',
  'progress-unavailable',
  'no-number',
  'no-phone',
  'sms-already-sent',
  'sms-off',
  'not-accepted',
  'already-evaluated',
  'not-evaluable',
  'not-pending',
  'wrong-stage',
  // counter: clerks, queue, intake
  'invalid-credentials',
  'locked',
  'unreachable',
  'signed-out',
  'not-callable',
  'other-window',
  'same-window',
  'no-current-ticket',
  'unknown-category',
  'no-intake',
  'intake-changed',
  'item-mismatch',
  'unverified-pages',
  'unassigned-pages',
  // maintenance
  'wrong-pin',
  'not-admin',
  'no-exit-hook',
  'invalid-config',
  'reason-missing',
  'not-sane',
  'unknown-device',
  'card-already-on-reader',
  'scan-blank',
  // device faults: DEVICE_FAULTS below
  ...DEVICE_FAULTS,
  /** A device failed with a code this table does not know: the screen says the device is not working. */
  'device-fault',
] as const;
export const ErrorReason = z.enum(ERROR_REASONS);
export type ErrorReason = z.infer<typeof ErrorReason>;


export function isDeviceFault(code: string | undefined): code is DeviceFault {
  return code !== undefined && (DEVICE_FAULTS as readonly string[]).includes(code);
}

/** A driver's code as a contract reason: known faults keep their code, anything else is `device-fault`. */
export function deviceReason(code: string | undefined): ErrorReason {
  return isDeviceFault(code) ? code : 'device-fault';
}

/** What is wrong with one field (form validation, request validation, config validation). */
export const ISSUE_PROBLEMS = ['required', 'pattern', 'number', 'min', 'max', 'maxLength', 'option', 'date', 'missing', 'invalid'] as const;
export const IssueProblem = z.enum(ISSUE_PROBLEMS);
export type IssueProblem = z.infer<typeof IssueProblem>;

/** Values a translation may interpolate (counts, minutes, a field's bound): never personal data. */
export const ErrorParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type ErrorParams = z.infer<typeof ErrorParams>;
