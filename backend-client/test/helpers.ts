// Shared test helpers: a fresh sandbox on an OS-chosen port with its own SQLite file.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, DEV_TERMINAL, type SandboxOptions } from '../sandbox/server';
import { createBackendClient } from '../src/client';

export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/backend-client/', import.meta.url));

export function tempDir(prefix: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return mkdtempSync(join(ARTIFACTS, `${prefix}-`));
}

export async function freshSandbox(options: Partial<SandboxOptions> = {}) {
  const dir = tempDir('sandbox');
  const sandbox = await startSandbox({ dbFile: join(dir, 'sandbox.db'), ...options });
  const client = createBackendClient({ baseUrl: sandbox.url, terminalId: DEV_TERMINAL.id, secret: DEV_TERMINAL.secret, timeoutMs: 3000, retryBaseMs: 20 });
  return { sandbox, client, dir };
}

/** Synthetic resident 1 of fixtures/idcard (invented person). */
export const RESIDENT_ID = '440304199604122469';
export const RESIDENT_NAME = '卓岚';
