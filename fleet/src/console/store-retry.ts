// A message the store could not write is not acknowledged (the broker redelivers it to the console's kept
// session after a reconnect), so a store hiccup loses no alert. A message that fails every time would cycle for
// ever: after MAX_STORE_FAILURES of the same message it is parked (kept aside in the store when the store takes
// it, counted either way) and acknowledged.
import { createHash } from 'node:crypto';

export const MAX_STORE_FAILURES = 5;
/** Distinct failing messages remembered at once (the oldest is forgotten first). */
const REMEMBERED = 1000;

export type StoreFailureDecision = 'redeliver' | 'park';

export class StoreRetry {
  private readonly failures = new Map<string, number>();

  constructor(private readonly max = MAX_STORE_FAILURES) {}

  static key(topic: string, payload: Uint8Array): string {
    return `${topic} ${createHash('sha256').update(payload).digest('hex')}`;
  }

  /** One more store failure of this message: leave it to be redelivered, or park it now. */
  failed(key: string): { decision: StoreFailureDecision; failures: number } {
    const failures = (this.failures.get(key) ?? 0) + 1;
    this.failures.delete(key);
    if (failures >= this.max) return { decision: 'park', failures };
    this.failures.set(key, failures);
    if (this.failures.size > REMEMBERED) this.failures.delete(this.failures.keys().next().value!);
    return { decision: 'redeliver', failures };
  }

  succeeded(key: string): void {
    this.failures.delete(key);
  }
}
