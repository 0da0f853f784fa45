// Handlers throw a Failure to return a typed error; anything else becomes `internal` without its stack.
// `reason` is one of the contract's ERROR_REASONS (screens translate it); `message` is English for logs.
import type { ContractError, ErrorCode, ErrorIssue, ErrorParams, ErrorReason } from '@easydo/core/contract/errors';

export class Failure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: ErrorReason,
    readonly issues?: ErrorIssue[],
    readonly params?: ErrorParams,
  ) {
    super(message);
    this.name = 'Failure';
  }

  toContractError(): ContractError {
    const error: ContractError = { code: this.code, message: this.message };
    if (this.reason !== undefined) error.reason = this.reason;
    if (this.params !== undefined) error.params = this.params;
    if (this.issues !== undefined) error.issues = this.issues;
    return error;
  }
}
