// Typed errors that cross the IPC boundary. Never a stack, always a stable code and a human message.
import { z } from 'zod';

export const ERROR_CODES = ['validation', 'forbidden', 'device', 'backend', 'state', 'internal'] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ContractError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Machine-readable detail, e.g. the reason code of a device or backend failure. */
  reason: z.string().optional(),
  /** For validation errors: where and what. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ContractError = z.infer<typeof ContractError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export const ResultEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ContractError }),
]);
