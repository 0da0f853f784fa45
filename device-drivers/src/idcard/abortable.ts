// Small timing helpers that honour an AbortSignal; the reader's loop is built from them so stop() and
// cancel() interrupt any wait at once.
import { IdCardError } from './errors';

export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new IdCardError('cancelled', 'operation was cancelled');
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Rejects with `onTimeout()` if `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(onTimeout())), ms);
    const onAbort = () => finish(() => reject(abortReason(signal!)));
    let done = false;
    function finish(action: () => void) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      action();
    }
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => finish(() => resolve(value)),
      (err: unknown) => finish(() => reject(err)),
    );
  });
}

export interface ChildController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
  /** Detach from the parent (call when the child's work is over, or listeners pile up on the parent). */
  dispose(): void;
}

/** A controller that aborts when `parent` does (or when aborted itself). */
export function childController(parent: AbortSignal): ChildController {
  const child = new AbortController();
  const follow = () => child.abort(parent.reason);
  if (parent.aborted) child.abort(parent.reason);
  else parent.addEventListener('abort', follow, { once: true });
  return {
    signal: child.signal,
    abort: (reason?: unknown) => child.abort(reason),
    dispose: () => parent.removeEventListener('abort', follow),
  };
}
