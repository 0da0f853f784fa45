// The whole terminal for the session and outage soaks: the app's composition root with simulated devices,
// driven through the router exactly as the renderer's calls arrive (a registered kiosk window, schema checks
// both ways, typed errors), with the card placed on and taken off the simulated reader.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChannelName, ChannelRequest, ChannelResponse } from '@easydo/core/contract/channels';
import { parseConfig, simulatorDefaults } from '@easydo/core/services/config/load';
import type { TerminalConfigInput } from '@easydo/core/services/config/schema';
import { createLogger } from '@easydo/core/services/logging/logger';
import { composeApp, type App } from '@easydo/kiosk/app/compose-app';
import { sleep } from './report';

export interface SoakTerminal {
  app: App;
  dataDir: string;
  call<C extends ChannelName>(channel: C, request: ChannelRequest<C>): Promise<ChannelResponse<C>>;
  /** Places the card and waits for the session it starts (a real read through the simulated reader). */
  placeCard(id: string): Promise<void>;
  /** Takes the card off and waits until the reader has reported it gone. */
  removeCard(): Promise<void>;
  close(): Promise<void>;
}

export class CallFailed extends Error {
  constructor(readonly channel: string, readonly error: { code: string; reason?: string; message: string }) {
    super(`${channel}: ${error.code}${error.reason ? `/${error.reason}` : ''}: ${error.message}`);
  }
}

export interface SoakOptions {
  /**
   * How often the simulated reader looks for a card. The config's floor (100 ms) protects a real reader's serial
   * link; the simulator has none, and at 100 ms a session spent ~200 ms of wall time waiting for the card to be
   * seen placed and removed. Set after the config is parsed, so only the soak can go below the floor.
   */
  readerPollMs?: number;
}

export async function startSoakTerminal(config: Partial<TerminalConfigInput> = {}, dataDir?: string, options: SoakOptions = {}): Promise<SoakTerminal> {
  const dir = dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'easydo-soak-'));
  const parsed = parseConfig({ ...simulatorDefaults(), devices: { idReader: { transport: 'simulator', pollIntervalMs: 100 } }, ...config });
  if (options.readerPollMs !== undefined) parsed.devices.idReader.pollIntervalMs = options.readerPollMs;
  const app = await composeApp({
    config: parsed,
    dataDir: dir,
    version: 'soak',
    logger: createLogger({ level: 'silent' }),
  });
  const t = app.terminal;
  const caller = t.modes.register('soak-window', 'kiosk');
  let removed = 0;
  t.hub.subscribe((name) => void (name === 'card:removed' && removed++));
  const simulator = t.idReader.simulator;
  if (!simulator) throw new Error('the soak needs the simulated reader (development profile)');

  async function until(cond: () => boolean, what: string, ms = 10_000) {
    const end = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
      await sleep(5);
    }
  }

  return {
    app,
    dataDir: dir,
    async call(channel, request) {
      const r = await app.router.invoke(caller, channel, request);
      if (!r.ok) throw new CallFailed(channel, r.error as never);
      return r.value as never;
    },
    async placeCard(id) {
      const before = t.sessions.current();
      simulator.place(id);
      await until(() => {
        const s = t.sessions.current();
        return Boolean(s && s !== before && s.card);
      }, `card ${id} to be read`);
    },
    async removeCard() {
      const seen = removed;
      simulator.remove();
      await until(() => removed > seen, 'the card removal');
    },
    close: () => app.close(),
  };
}
