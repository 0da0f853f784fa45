// A real terminal (simulated reader, virtual printer, embedded sandbox) for the journey tests, with a
// `call` that goes through main's router (schemas both ways, preconditions, resident activity); the counter's
// channels, which core cannot mount, answer as unmounted.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHANNEL_NAMES, type ChannelName, type ChannelRequest, type ChannelResponse, type EventName } from '@easydo/core/contract/channels';
import { parseConfig, simulatorDefaults } from '../../src/services/config/load';
import type { TerminalConfigInput } from '../../src/services/config/schema';
import { createLogger } from '../../src/services/logging/logger';
import { createTerminal, type Terminal } from '../../src/services/terminal/compose';
import { Failure } from '../../src/services/errors/failure';
import { createRouter, type HandlerTable } from '../../src/services/ipc/router';

export interface TestTerminal {
  terminal: Terminal;
  call<C extends Exclude<ChannelName, `counter:${string}`>>(channel: C, request: ChannelRequest<C>): Promise<ChannelResponse<C>>;
  /** Resolves with the typed error a call fails with (fails the test if it succeeds). */
  failure(channel: ChannelName, request: unknown): Promise<ReturnType<Failure['toContractError']>>;
  events: Array<{ name: EventName; payload: unknown }>;
  placeCard(id: string): Promise<void>;
  /** Takes the card off and waits until the reader has reported it gone. */
  removeCard(): Promise<void>;
  /**
   * Resolves with the first value `check` returns, checking now and again after every event main publishes. No
   * bound of its own (the test's timeout is the bound), so a slow machine only makes it later, never fails it.
   */
  afterEvents<T>(check: () => Promise<T | undefined>): Promise<T>;
  close(): Promise<void>;
}

export async function startTestTerminal(config: Partial<TerminalConfigInput> = {}): Promise<TestTerminal> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'easydo-journey-'));
  const terminal = await createTerminal({
    config: parseConfig({ ...simulatorDefaults(), backend: { kind: 'embedded-sandbox', clockSpeed: 6000 }, ...config }),
    dataDir,
    version: 'test',
    logger: createLogger({ level: 'warn' }),
  });
  const caller = terminal.modes.register('test-window', 'kiosk');
  const events: TestTerminal['events'] = [];
  terminal.hub.subscribe((name, payload) => events.push({ name, payload }));
  const unmounted = Object.fromEntries(CHANNEL_NAMES.map((c) => [c, () => { throw new Error(`${c} is not mounted in core`); }]));
  const router = createRouter({
    handlers: { ...unmounted, ...terminal.handlers } as HandlerTable,
    guards: terminal.guards,
    // An internal error fails the test with what happened, not the router's stack-free answer.
    onInternalError: (_channel, err) => {
      throw err;
    },
  });

  async function raw(channel: ChannelName, request: unknown): Promise<unknown> {
    const result = await router.invoke(caller, channel, request);
    if (result.ok) return result.value;
    const { code, message, reason, issues, params } = result.error;
    throw new Failure(code, message, reason, issues, params);
  }

  return {
    terminal,
    events,
    call: (channel, request) => raw(channel, request) as never,
    async failure(channel, request) {
      try {
        await raw(channel, request);
      } catch (err) {
        if (err instanceof Failure) return err.toContractError();
        throw err;
      }
      throw new Error(`${channel} succeeded but a failure was expected`);
    },
    // Done when main has told the screen: card:read (started or resumed) or card:other (asks first).
    async placeCard(id) {
      const told = () => events.filter((e) => e.name === 'card:read' || e.name === 'card:other').length;
      const before = told();
      terminal.idReader.simulator!.place(id);
      for (let i = 0; i < 200; i++) {
        if (told() > before) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`card ${id} was not read`);
    },
    async removeCard() {
      const seen = events.filter((e) => e.name === 'card:removed').length;
      terminal.idReader.simulator!.remove();
      await until(() => (events.filter((e) => e.name === 'card:removed').length > seen ? true : undefined), 'the card removal');
    },
    afterEvents(check) {
      return new Promise((resolve, reject) => {
        let running = false;
        let again = false;
        const run = async (): Promise<void> => {
          if (running) return void (again = true);
          running = true;
          try {
            do {
              again = false;
              const v = await check();
              if (v !== undefined) {
                off();
                return resolve(v);
              }
            } while (again);
          } catch (err) {
            off();
            reject(err as Error);
          } finally {
            running = false;
          }
        };
        const off = terminal.hub.subscribe(() => void run());
        void run();
      });
    },
    close: () => terminal.close(),
  };
}

/** Polls until `check` returns a value (no timing assertion: only a bound so a hang fails). */
export async function until<T>(check: () => Promise<T | undefined> | T | undefined, what: string, tries = 600, everyMs = 50): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await check();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`gave up waiting for ${what}`);
}
