// Handlers throw a Failure to return a typed error; anything else becomes `internal` without its stack.
import type { ContractError, ErrorCode } from '@easydo/core/contract/errors';

export class Failure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'Failure';
  }

  toContractError(): ContractError {
    return this.reason === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, reason: this.reason };
  }
}
