// The journal's one error type: a stable code for callers (outbox, IPC layer), a message without personal data.
export type JournalErrorCode = 'not_found' | 'wrong_state' | 'wrong_key' | 'duplicate_label' | 'unreadable' | 'purged' | 'newer_schema';

export class JournalError extends Error {
  constructor(readonly code: JournalErrorCode, message: string) {
    super(message);
    this.name = 'JournalError';
  }
}
