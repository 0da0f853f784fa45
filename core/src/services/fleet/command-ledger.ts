// Which commands this terminal has seen, kept on disk, so a command is executed at most once even when the
// broker delivers it again (QoS 1 redelivery, a persistent session replayed after a restart). A command is
// written down as `received` before it runs; a redelivery gets the final ack again, or `failed` (interrupted)
// when the terminal stopped half-way. Entries older than the retention go; the file stays small.
import { z } from 'zod';
import { CommandAck } from './messages';
import { readLedgerFile, writeLedgerFile } from './ledger-file';

const Entry = z.object({ seenAt: z.number(), final: CommandAck.nullable() });
const LedgerFile = z.object({ version: z.literal(1), entries: z.record(z.string(), Entry) });
type Entry = z.infer<typeof Entry>;

export interface CommandLedgerOptions {
  /** null: in memory only (the load generator's simulated terminals). */
  file: string | null;
  retentionMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export class CommandLedger {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(private readonly options: CommandLedgerOptions) {
    this.now = options.now ?? Date.now;
    // A damaged ledger cannot say what ran: start empty rather than refuse every command (expiry still bounds replays).
    const saved = readLedgerFile(options.file, LedgerFile);
    if (saved) for (const [id, e] of Object.entries(saved.entries)) this.entries.set(id, e);
  }

  get(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  /** Writes the id down before the command runs (durable when a file is configured). */
  markReceived(id: string): void {
    this.entries.set(id, { seenAt: this.now(), final: null });
    this.save();
  }

  finish(ack: CommandAck): void {
    const e = this.entries.get(ack.commandId);
    this.entries.set(ack.commandId, { seenAt: e?.seenAt ?? this.now(), final: ack });
    this.save();
  }

  size(): number {
    return this.entries.size;
  }

  private save(): void {
    const cutoff = this.now() - (this.options.retentionMs ?? 7 * 24 * 3600_000);
    for (const [id, e] of this.entries) if (e.seenAt < cutoff) this.entries.delete(id);
    const max = this.options.maxEntries ?? 2000;
    while (this.entries.size > max) this.entries.delete(this.entries.keys().next().value!);
    writeLedgerFile(this.options.file, { version: 1, entries: Object.fromEntries(this.entries) });
  }
}
