// The terminal's application journal: the Journal interface (journal-api.ts), served by a worker thread that
// owns the SQLite file (journal-thread.ts → journal-worker.ts → journal-store.ts). openJournal is what the
// terminal and the soak use; openJournalOnThisThread runs the same store on the calling thread, for the
// benchmark's "before" figure and the one-shot outbox CLI (no loop there to keep free).
import type { Journal } from './journal-api';
import { openJournalStore } from './journal-store';
import { openJournalThread, type JournalOptions } from './journal-thread';

export { JournalError } from './journal-error';
export type { JournalErrorCode } from './journal-error';
export type { Journal, JournalFilter } from './journal-api';
export type { JournalOptions, JournalThreadEvent } from './journal-thread';
export type {
  JournalCounts, LocalApplication, LocalMaterial, LocalState, NewApplication, NewCertificateMaterial, NewFileMaterial, NewMaterial, Problem,
} from './journal-types';

/** Opens the journal on its worker thread (the file is opened, upgraded and key-checked before this resolves). */
export function openJournal(options: JournalOptions): Promise<Journal> {
  return openJournalThread(options);
}

/**
 * The same journal with SQLite on the calling thread: every call blocks this thread for its fsync and its
 * reads. For the benchmark (what the worker saves) and the outbox CLI; the terminal never uses it.
 */
export async function openJournalOnThisThread(options: Pick<JournalOptions, 'file' | 'keyProvider' | 'now'>): Promise<Journal> {
  const key = await options.keyProvider.getKey();
  const store = openJournalStore({ file: options.file, key, ...(options.now ? { now: options.now } : {}) });
  const journal = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(store)) {
    if (name === 'checkKeys') continue;
    journal[name] = async (...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(...args);
  }
  return journal as unknown as Journal;
}
