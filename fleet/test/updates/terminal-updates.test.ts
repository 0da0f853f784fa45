// The composed terminal with config.update runs the update agent: the fleet's updateCheck command reaches it (done,
// not unsupported), and the health marks come from the terminal's own parts (main started, devices opened, the fleet
// agent's delivered heartbeat) so that the shell's renderer mark completes them: a `healthy` request reaches the
// root helper's spool for the pending running version. Real Mosquitto over mTLS, simulated devices.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, simulatorDefaults } from '@easydo/core/services/config/load';
import { createTerminal, type Terminal } from '@easydo/core/services/terminal/compose';
import { createLogger } from '@easydo/core/services/logging/logger';
import { Command, encode, topics } from '@easydo/core/services/fleet/messages';
import { generateSigningKey } from '@easydo/core/services/update/signing';
import { startTestMosquitto, type TestMosquitto } from '../support/mosquitto';
import { consoleInbox, LOCATION } from '../support/fleet-fixtures';

let broker: TestMosquitto;
let terminal: Terminal | null = null;
const closers: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  broker = await startTestMosquitto({ auth: 'certificate', persistence: false });
});
afterEach(async () => {
  await terminal?.close();
  terminal = null;
  await Promise.all(closers.splice(0).map((c) => c()));
});
afterAll(async () => {
  await broker.close();
});

describe('the composed terminal with an update section', () => {
  it('answers updateCheck through the agent and marks the running version healthy', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'easydo-termupd-'));
    const id = simulatorDefaults().terminalId;
    const pair = broker.ca!.client(id);
    const files = { caFile: path.join(dataDir, 'ca.crt'), certFile: path.join(dataDir, 'terminal.crt'), keyFile: path.join(dataDir, 'terminal.key') };
    writeFileSync(files.caFile, broker.ca!.ca);
    writeFileSync(files.certFile, pair.cert);
    writeFileSync(files.keyFile, pair.key, { mode: 0o600 });
    // The helper installed 9.9.9 and waits for its health (no feed needed: a pending version is not checked again).
    const stateDir = path.join(dataDir, 'helper');
    const spoolDir = path.join(dataDir, 'spool');
    mkdirSync(stateDir);
    const pending = { version: '9.9.9', file: 'y', installedAt: 0, deadline: Date.now() + 3600_000, starts: 1 };
    writeFileSync(path.join(stateDir, 'state.json'), JSON.stringify({ schema: 1, good: { version: '1.0.0', file: 'x' }, previousGood: null, pending, inFlight: null, rolledBack: [] }));

    const consoleClient = await mqtt.connectAsync(broker.url, broker.consoleOptions());
    closers.push(() => consoleClient.endAsync(true));
    const inbox = consoleInbox(consoleClient);
    await consoleClient.subscribeAsync([topics.all.state, topics.all.acks], { qos: 1 });

    const base = simulatorDefaults();
    const key = generateSigningKey('k');
    const config = parseConfig({
      ...base,
      backend: { kind: 'embedded-sandbox', clockSpeed: 6000 },
      devices: { ...base.devices, scanner: { source: 'none' } },
      fleet: { brokerUrl: broker.url.replace('127.0.0.1', 'localhost'), auth: { kind: 'certificate', ...files }, location: LOCATION, heartbeatSeconds: 3600 },
      update: { feedUrl: 'http://127.0.0.1:9', publicKeys: [{ id: 'k', publicKey: key.publicKey }], spoolDir, helperStateDir: stateDir },
    });
    terminal = await createTerminal({ config, dataDir, version: '9.9.9', logger: createLogger({ level: 'silent' }) });
    expect(terminal.updates).not.toBeNull();
    await inbox.until('state', (s) => s.terminalId === id && s.online);

    const now = Date.now();
    const check: Command = { id: `upd-${now.toString(36)}`, name: 'updateCheck', args: {}, issuedAt: new Date(now).toISOString(), expiresAt: new Date(now + 60_000).toISOString(), issuedBy: 'test-operator' };
    await consoleClient.publishAsync(topics.commands(id), encode(Command, 'commands', check), { qos: 1 });
    const ack = await inbox.until('acks', (a) => a.commandId === check.id && a.status !== 'received');
    expect(ack).toMatchObject({ status: 'done' });
    expect(ack.reason).toContain('awaitingHealth');

    // The fleet agent's heartbeat (its timer is an hour here) and the shell's renderer mark complete the marks.
    expect(await terminal.fleet!.agent.heartbeatNow()).toBe(true);
    terminal.updates!.mark('rendererLoaded');
    let names: string[] = [];
    for (let i = 0; i < 400 && names.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 25));
      names = (() => {
        try {
          return readdirSync(spoolDir).filter((n) => n.endsWith('.json'));
        } catch {
          return [];
        }
      })();
    }
    expect(names).toHaveLength(1);
    expect(JSON.parse(readFileSync(path.join(spoolDir, names[0]!), 'utf8'))).toMatchObject({ op: 'healthy', version: '9.9.9' });
  });
});
