// The acceptance backend the terminal talks to: the city's platform from config, or (development only, through
// the development composition) the embedded sandbox on loopback for simulators, demos and tests.
import path from 'node:path';
import type { Sandbox } from '@easydo/backend-client/sandbox/server';
import { createBackendClient, type BackendClient } from '@easydo/backend-client/client';
import type { TerminalConfig } from '../config/schema';
import type { DevelopmentPartsLoader } from '../devices/development-parts';
import { withWaitingBudget } from '../applications/waiting-budget';

export interface BackendBundle {
  client: BackendClient;
  sandbox: Sandbox | null;
  url: string;
  close(): Promise<void>;
}

export async function connectBackend(config: TerminalConfig, dataDir: string, development: DevelopmentPartsLoader): Promise<BackendBundle> {
  if (config.backend.kind === 'remote') {
    const client = withWaitingBudget(createBackendClient({ baseUrl: config.backend.url, terminalId: config.terminalId, secret: config.terminalSecret, timeoutMs: config.backend.timeoutMs }));
    return { client, sandbox: null, url: config.backend.url, close: async () => {} };
  }
  const dev = await development('backend.kind');
  const sandbox = await dev.sandbox({
    dbFile: path.join(dataDir, 'sandbox.sqlite'),
    terminals: [{ id: config.terminalId, secret: config.terminalSecret }],
    clockSpeed: config.backend.clockSpeed,
  });
  const client = withWaitingBudget(createBackendClient({ baseUrl: sandbox.url, terminalId: config.terminalId, secret: config.terminalSecret }));
  return { client, sandbox, url: sandbox.url, close: () => sandbox.close() };
}
