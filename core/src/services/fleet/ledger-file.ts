// The fleet agent's small JSON ledgers on disk (alerts not yet at the broker, commands already seen): read back
// through a schema, written whole via a temp file and a rename so a crash never leaves half a file.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';

/** The ledger as last written, or null when there is none or it is damaged (each ledger then starts empty). */
export function readLedgerFile<T>(file: string | null, schema: z.ZodType<T>): T | null {
  if (!file || !existsSync(file)) return null;
  let raw: unknown = null;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    raw = null;
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** null: in memory only, nothing is written. */
export function writeLedgerFile(file: string | null, data: unknown): void {
  if (!file) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(data), { mode: 0o600 });
  renameSync(tmp, file);
}
