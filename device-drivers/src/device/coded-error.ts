// The one shape of our typed errors: a class of its own (so `instanceof` works and logs name it), a stable
// `code` callers branch on, a human message, an optional cause. Declare one with
//   export class LpError extends codedError<'lpMissing' | 'lpFailed'>('LpError') {}
// and give a fixed code in a constructor where every instance has the same one. Here, at the bottom of the
// house, so drivers and core share it (the backend client imports nothing of ours and keeps its own two).

export interface CodedError<Code extends string = string> extends Error {
  readonly code: Code;
}

export function codedError<Code extends string>(name: string) {
  return class extends Error implements CodedError<Code> {
    constructor(
      readonly code: Code,
      message: string,
      options?: ErrorOptions,
    ) {
      super(message, options);
      this.name = name;
    }
  };
}
