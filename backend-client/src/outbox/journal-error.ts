// The journal's one error type: a stable code for callers (outbox, IPC layer), a message without personal data.
// Errors of the store cross from the journal's worker thread as these codes and are rebuilt here unchanged;
// the thread adds its own: `worker_crashed` (the thread died during this call: a read may be asked again, a
// write's outcome is unknown), `closed` (called after close()), `storage` (SQLite itself failed, e.g. disk I/O)
// and `bad_message` (a message across the thread boundary did not match the protocol).
export type JournalErrorCode =
  | 'not_found' | 'wrong_state' | 'wrong_key' | 'duplicate_label' | 'duplicate_id' | 'unreadable' | 'purged' | 'newer_schema'
  | 'worker_crashed' | 'closed' | 'storage' | 'bad_message';

export class JournalError extends Error {
  constructor(readonly code: JournalErrorCode, message: string) {
    super(message);
    this.name = 'JournalError';
  }
}
