// The acceptance backend the terminal talks to: the embedded sandbox on loopback by default (simulators,
// demos, tests), or the city's platform from config.
import path from 'node:path';
import { startSandbox, type Sandbox } from '@easydo/backend-client/sandbox/server';
import { createBackendClient, type BackendClient } from '@easydo/backend-client/client';
import type { TerminalConfig } from '../config/schema';

export interface BackendBundle {
  client: BackendClient;
  sandbox: Sandbox | null;
  url: string;
  close(): Promise<void>;
}

export async function connectBackend(config: TerminalConfig, dataDir: string): Promise<BackendBundle> {
  if (config.backend.kind === 'remote') {
    const client = createBackendClient({ baseUrl: config.backend.url, terminalId: config.terminalId, secret: config.terminalSecret, timeoutMs: config.backend.timeoutMs });
    return { client, sandbox: null, url: config.backend.url, close: async () => {} };
  }
  const sandbox = await startSandbox({
    dbFile: path.join(dataDir, 'sandbox.sqlite'),
    terminals: [{ id: config.terminalId, secret: config.terminalSecret }],
    clockSpeed: config.backend.clockSpeed,
  });
  const client = createBackendClient({ baseUrl: sandbox.url, terminalId: config.terminalId, secret: config.terminalSecret });
  return { client, sandbox, url: sandbox.url, close: () => sandbox.close() };
}
