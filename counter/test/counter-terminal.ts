// A real terminal with the counter wired beside it (journal, outbox, embedded sandbox), called through main's
// router as the app mounts it, so the clerk precondition is checked there too.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChannelName } from '@easydo/core/contract/channels';
import { parseConfig, simulatorDefaults } from '@easydo/core/services/config/load';
import { createLogger } from '@easydo/core/services/logging/logger';
import { createTerminal, type Terminal } from '@easydo/core/services/terminal/compose';
import { createRouter, type HandlerTable } from '@easydo/core/services/ipc/router';
import { Failure } from '@easydo/core/services/errors/failure';
import { wireCounter } from '../src/services/wire';

export interface CounterTerminal {
  terminal: Terminal;
  dataDir: string;
  /** A counter window's call: the value, or the typed Failure main answered. */
  call(channel: ChannelName, request: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export async function startCounterTerminal(name: string): Promise<CounterTerminal> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `easydo-${name}-`));
  const terminal = await createTerminal({
    config: parseConfig({ ...simulatorDefaults(), backend: { kind: 'embedded-sandbox' } }),
    dataDir,
    version: 'test',
    logger: createLogger({ level: 'warn' }),
  });
  const counter = await wireCounter(terminal);
  const caller = terminal.modes.register('counter-window', 'counter');
  const router = createRouter({
    handlers: { ...terminal.handlers, ...counter.handlers } as HandlerTable,
    guards: { ...terminal.guards, ...counter.guards },
    // An internal error fails the test with what happened, not the router's stack-free answer.
    onInternalError: (_channel, err) => {
      throw err;
    },
  });
  return {
    terminal,
    dataDir,
    async call(channel, request) {
      const result = await router.invoke(caller, channel, request);
      if (result.ok) return result.value;
      const { code, message, reason, issues, params } = result.error;
      throw new Failure(code, message, reason, issues, params);
    },
    async close() {
      await counter.close();
      await terminal.close();
    },
  };
}
