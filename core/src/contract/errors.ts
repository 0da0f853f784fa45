// Typed errors that cross the IPC boundary. Never a stack, always a stable code, and a human message for logs.
// Screens never show `message`: they translate `reason` (else `code`), name the fields in `issues` and fill
// the translation with `params` (core/src/ui/errors).
import { z } from 'zod';
import { ErrorParams, ErrorReason, IssueProblem } from './error-reasons';

export * from './error-reasons';

export const ERROR_CODES = ['validation', 'forbidden', 'device', 'backend', 'state', 'internal'] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorIssue = z.object({
  path: z.string(),
  message: z.string(),
  /** What is wrong, for the screen to translate; `message` stays for logs. */
  problem: IssueProblem.optional(),
  params: ErrorParams.optional(),
  /** The field's or material's name as the catalogue gives it, so any screen can name it. */
  label: z.object({ zh: z.string(), en: z.string() }).optional(),
});
export type ErrorIssue = z.infer<typeof ErrorIssue>;

export const ContractError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Machine-readable detail (one of ERROR_REASONS): what the screen translates. */
  reason: ErrorReason.optional(),
  /** Values for the translation (a count, a wait in seconds, the device kind): never personal data. */
  params: ErrorParams.optional(),
  /** For validation errors: where and what. */
  issues: z.array(ErrorIssue).optional(),
});
export type ContractError = z.infer<typeof ContractError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export const ResultEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ContractError }),
]);
