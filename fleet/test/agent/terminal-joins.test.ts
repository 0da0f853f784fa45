// The real terminal (composition root, simulated devices, embedded sandbox) joins the fleet when config.fleet is
// set, over mTLS to a real Mosquitto: retained state online, an alert when the virtual printer nears paper end,
// a configPush saved through admin's own handler (refused by its validation when bad), a logBundle of the
// redacted diagnostics bundle. Without a fleet section it has no agent at all.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, simulatorDefaults } from '@easydo/core/services/config/load';
import { createTerminal, type Terminal } from '@easydo/core/services/terminal/compose';
import { createLogger } from '@easydo/core/services/logging/logger';
import { Command, encode, topics } from '@easydo/core/services/fleet/messages';
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

function configWith(fleet: Record<string, unknown> | undefined) {
  const base = simulatorDefaults();
  return parseConfig({ ...base, backend: { kind: 'embedded-sandbox', clockSpeed: 6000 }, devices: { ...base.devices, scanner: { source: 'none' } }, ...(fleet ? { fleet } : {}) });
}

function command(name: string, args: Record<string, unknown> = {}): Command {
  const now = Date.now();
  return { id: `join-${name}-${now.toString(36)}`, name, args, issuedAt: new Date(now).toISOString(), expiresAt: new Date(now + 60_000).toISOString(), issuedBy: 'test-operator' };
}

describe('the terminal and the fleet', () => {
  it('without a fleet section the terminal starts as before, with no agent', async () => {
    const config = configWith(undefined);
    terminal = await createTerminal({ config, dataDir: mkdtempSync(path.join(os.tmpdir(), 'easydo-nofleet-')), version: 't', logger: createLogger({ level: 'silent' }) });
    expect(terminal.fleet).toBeNull();
  });

  it('with one it joins over mTLS: state, alerts, configPush through admin save, logBundle', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'easydo-fleet-'));
    const id = simulatorDefaults().terminalId;
    const pair = broker.ca!.client(id);
    const files = { caFile: path.join(dataDir, 'ca.crt'), certFile: path.join(dataDir, 'terminal.crt'), keyFile: path.join(dataDir, 'terminal.key') };
    writeFileSync(files.caFile, broker.ca!.ca);
    writeFileSync(files.certFile, pair.cert);
    writeFileSync(files.keyFile, pair.key, { mode: 0o600 });

    const consoleClient = await mqtt.connectAsync(broker.url, broker.consoleOptions());
    closers.push(() => consoleClient.endAsync(true));
    const inbox = consoleInbox(consoleClient);
    await consoleClient.subscribeAsync([topics.all.state, topics.all.alerts, topics.all.acks, topics.all.uploads], { qos: 1 });

    const config = configWith({ brokerUrl: broker.url.replace('127.0.0.1', 'localhost'), auth: { kind: 'certificate', ...files }, location: LOCATION, heartbeatSeconds: 60 });
    terminal = await createTerminal({ config, dataDir, version: '9.9.9', logger: createLogger({ level: 'silent' }) });
    expect(terminal.fleet).not.toBeNull();
    const state = await inbox.until('state', (s) => s.terminalId === id && s.online);
    expect(state).toMatchObject({ version: '9.9.9', location: LOCATION, mode: 'kiosk' });

    terminal.receiptPrinter.virtual!.setState('near-end');
    await terminal.receiptPrinter.printer.refreshStatus();
    await inbox.until('alerts', (a) => a.terminalId === id && a.code === 'paperNearEnd');

    const push = command('configPush', { values: { centreName: '莲花街道党群服务中心' } });
    await consoleClient.publishAsync(topics.commands(id), encode(Command, 'commands', push), { qos: 1 });
    const done = await inbox.until('acks', (a) => a.commandId === push.id && a.status !== 'received');
    expect(done).toMatchObject({ status: 'done', result: { applied: ['centreName'] } });
    expect(terminal.config().centreName).toBe('莲花街道党群服务中心');
    await inbox.until('state', (s) => s.terminalId === id && s.configVersion === done.result?.configVersion);

    const bad = command('configPush', { values: { retentionDays: 9999 } });
    await consoleClient.publishAsync(topics.commands(id), encode(Command, 'commands', bad), { qos: 1 });
    const refused = await inbox.until('acks', (a) => a.commandId === bad.id && a.status !== 'received');
    expect(refused).toMatchObject({ status: 'refused' });
    expect(refused.issues?.map((i) => i.path)).toEqual(['retentionDays']);

    const bundle = command('logBundle');
    await consoleClient.publishAsync(topics.commands(id), encode(Command, 'commands', bundle), { qos: 1 });
    const upload = await inbox.until('uploads', (u) => u.commandId === bundle.id);
    expect(upload.contentType).toBe('application/gzip');
    expect(Buffer.from(upload.base64, 'base64').subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    const shot = command('screenshot');
    await consoleClient.publishAsync(topics.commands(id), encode(Command, 'commands', shot), { qos: 1 });
    expect((await inbox.until('acks', (a) => a.commandId === shot.id && a.status !== 'received')).status).toBe('unsupported');

    await terminal.close();
    terminal = null;
    expect((await inbox.until('state', (s) => s.terminalId === id && !s.online)).online).toBe(false);
  });
});
