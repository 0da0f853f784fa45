// One resident's session: everything the terminal holds about a person lives here and only here, in memory.
// Other services register a wiper (scans, OCR text, print queue) so that end() leaves nothing behind.
import { randomUUID } from 'node:crypto';
import type { CardRecord } from './card-record';

/** `superseded`: a stale visit wiped because a page (opened or reloaded) started a new one. */
export type SessionEndReason = 'finished' | 'cancelled' | 'idle' | 'card-removed' | 'admin-takeover' | 'shutdown' | 'card-replaced' | 'superseded';

export class ResidentSession {
  readonly id = randomUUID();
  readonly startedAt = new Date();
  private cardRecord: CardRecord | null;
  private readonly wipers: Array<() => void | Promise<void>> = [];
  private ended = false;

  constructor(card: CardRecord | null) {
    this.cardRecord = card;
  }

  get card(): CardRecord | null {
    return this.cardRecord;
  }

  /** A guest (guides, progress) who places a card carries on as that cardholder: nothing to wipe in between. */
  adoptCard(card: CardRecord): void {
    if (this.ended) throw new Error('session already ended');
    if (this.cardRecord) throw new Error('session already has a card');
    this.cardRecord = card;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Register cleanup for data another service keeps on behalf of this session. */
  onWipe(wiper: () => void | Promise<void>): void {
    if (this.ended) throw new Error('session already ended');
    this.wipers.push(wiper);
  }

  async wipe(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    // Overwrite before dropping so nothing lingers in objects that other code may still reference.
    if (this.cardRecord) {
      for (const key of Object.keys(this.cardRecord)) (this.cardRecord as unknown as Record<string, unknown>)[key] = '';
    }
    this.cardRecord = null;
    const results = await Promise.allSettled(this.wipers.splice(0).map((w) => w()));
    const failed = results.filter((r) => r.status === 'rejected');
    if (failed.length > 0) throw new AggregateError(failed.map((f) => (f as PromiseRejectedResult).reason), 'session wipe incomplete');
  }
}
