// Callers waiting for the next card read (readCard()): each gets the same event, or a typed rejection on
// timeout, abort, cancel() or stop().
import { abortReason } from '../abortable';
import { IdCardError } from '../errors';
import type { CardReadEvent } from './types';

interface Waiter {
  resolve: (event: CardReadEvent) => void;
  reject: (error: Error) => void;
}

export class CardWaiters {
  private readonly waiters = new Set<Waiter>();

  next(options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<CardReadEvent> {
    return new Promise<CardReadEvent>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        this.waiters.delete(waiter);
      };
      const waiter: Waiter = {
        resolve: (event) => (done(), resolve(event)),
        reject: (error) => (done(), reject(error)),
      };
      const onAbort = () => waiter.reject(abortReason(options.signal!));
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      if (options.timeoutMs !== undefined) {
        timer = setTimeout(() => waiter.reject(new IdCardError('timeout', `no card read within ${options.timeoutMs} ms`)), options.timeoutMs);
      }
      this.waiters.add(waiter);
    });
  }

  resolveAll(event: CardReadEvent): void {
    for (const waiter of [...this.waiters]) waiter.resolve(event);
  }

  rejectAll(error: Error): void {
    for (const waiter of [...this.waiters]) waiter.reject(error);
  }
}
