// Handlers throw a Failure to return a typed error; anything else becomes `internal` without its stack.
import type { ContractError, ErrorCode } from '@easydo/core/contract/errors';

export class Failure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: string,
    readonly issues?: Array<{ path: string; message: string }>,
  ) {
    super(message);
    this.name = 'Failure';
  }

  toContractError(): ContractError {
    const error: ContractError = { code: this.code, message: this.message };
    if (this.reason !== undefined) error.reason = this.reason;
    if (this.issues !== undefined) error.issues = this.issues;
    return error;
  }
}
