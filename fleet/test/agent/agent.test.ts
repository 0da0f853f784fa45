// The fleet agent against a real Mosquitto (per-terminal passwords, the fleet ACL): retained state and Last Will,
// alerts at once and none lost across a broker restart, heartbeats, and every command with its acks, executed
// at most once. The console side is a plain mqtt.js client that validates what it receives with the zod schemas.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FleetAgent } from '@easydo/core/services/fleet/agent';
import { AlertLedger } from '@easydo/core/services/fleet/alert-ledger';
import { SimulatedTerminal } from '@easydo/core/services/fleet/simulated-terminal';
import { encode, Command, topics, type Alert } from '@easydo/core/services/fleet/messages';
import { startTestMosquitto, type TestMosquitto } from '../support/mosquitto';
import { LOCATION, consoleInbox, terminalConfig } from '../support/fleet-fixtures';

const IDS = Array.from({ length: 9 }, (_, i) => `SZ-AGENT-${String(i + 1).padStart(2, '0')}`);
let broker: TestMosquitto;
const started: Array<{ stop(): Promise<void> }> = [];

beforeAll(async () => {
  broker = await startTestMosquitto({ auth: 'password', terminals: IDS });
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});
afterAll(async () => {
  await broker.close();
});

async function consoleClient(persistent = false): Promise<{ client: MqttClient; inbox: ReturnType<typeof consoleInbox> }> {
  const client = await mqtt.connectAsync(broker.url, {
    ...broker.consoleOptions(persistent ? 'console-persistent' : undefined),
    ...(persistent ? { clean: false, properties: { sessionExpiryInterval: 3600 } } : {}),
  });
  const inbox = consoleInbox(client);
  await client.subscribeAsync(['easydo/v1/terminals/+/state', 'easydo/v1/terminals/+/heartbeat', 'easydo/v1/terminals/+/alerts', 'easydo/v1/terminals/+/acks', 'easydo/v1/terminals/+/uploads/+'], { qos: 1 });
  started.push({ stop: () => client.endAsync(true) });
  return { client, inbox };
}

async function agentFor(id: string, extra: Partial<ConstructorParameters<typeof FleetAgent>[0]> = {}) {
  const terminal = new SimulatedTerminal(terminalConfig(id));
  const agent = new FleetAgent({
    terminalId: id,
    brokerUrl: broker.url,
    connection: { username: broker.terminalOptions(id).username!, password: broker.terminalOptions(id).password as string },
    location: LOCATION,
    mode: 'kiosk',
    version: '0.1.0',
    heartbeatSeconds: 3600,
    backoff: { baseMs: 50, capMs: 400 },
    ...extra,
    ports: extra.ports ?? terminal.ports(),
  });
  started.push(agent);
  await agent.start();
  return { agent, terminal };
}

let commandSerial = 0;
function command(name: string, args: Record<string, unknown> = {}, overrides: Partial<Command> = {}): Command {
  commandSerial += 1;
  const now = Date.now();
  return { id: `cmd-${process.pid}-${commandSerial}-abcdef`, name, args, issuedAt: new Date(now).toISOString(), expiresAt: new Date(now + 600_000).toISOString(), issuedBy: 'test-operator', ...overrides };
}

async function send(client: MqttClient, terminalId: string, c: Command): Promise<void> {
  await client.publishAsync(topics.commands(terminalId), encode(Command, 'commands', c), { qos: 1 });
}

describe('state and Last Will', () => {
  it('publishes a retained online state on connect; a dropped connection leaves the retained Last Will (online: false)', async () => {
    const id = IDS[0]!;
    const { agent } = await agentFor(id, { keepaliveSeconds: 1 });
    const first = await consoleClient();
    const online = await first.inbox.until('state', (s) => s.terminalId === id && s.online);
    expect(online).toMatchObject({ service: 'inService', mode: 'kiosk', location: LOCATION });

    agent.abort();
    const offline = await first.inbox.until('state', (s) => s.terminalId === id && !s.online);
    expect(offline.configVersion).toBe(online.configVersion);

    // A console that connects later is told by the retained message. (The agent reconnects: stop it first.)
    await agent.stop();
    const later = await consoleClient();
    const retained = await later.inbox.until('state', (s) => s.terminalId === id);
    expect(retained.online).toBe(false);
  });
});

describe('alerts', () => {
  it('raises an alert the moment a device shows it, and clears it under the same id', async () => {
    const id = IDS[1]!;
    const { inbox } = await consoleClient();
    const { terminal } = await agentFor(id);
    terminal.setPaper('nearEnd');
    const raised = await inbox.until('alerts', (a) => a.terminalId === id && a.code === 'paperNearEnd' && !a.cleared);
    expect(raised).toMatchObject({ severity: 'warning', device: 'receiptPrinter' });
    terminal.setPaper('ok');
    const cleared = await inbox.until('alerts', (a) => a.terminalId === id && a.cleared === true);
    expect(cleared.id).toBe(raised.id);
  });

  it('loses no alert raised while the broker is down (killed and restarted): the client queues QoS 1 and sends after the reconnect', async () => {
    const id = IDS[2]!;
    const consoleId = 'console-persistent';
    const options = { ...broker.consoleOptions(consoleId), clean: false, properties: { sessionExpiryInterval: 3600 } };
    const subscribe = (c: MqttClient) => c.subscribeAsync(topics.all.alerts, { qos: 1 });
    // The console's persistent session, written to the broker's persistence file by a clean stop.
    let consoleClient = await mqtt.connectAsync(broker.url, options);
    await subscribe(consoleClient);
    await consoleClient.endAsync();
    await broker.broker.stop();
    await broker.broker.start();

    const { agent, terminal } = await agentFor(id);
    await broker.broker.kill(); // a power cut: SIGKILL
    terminal.setPaper('nearEnd');
    terminal.setReader(false);
    terminal.setPaper('out'); // clears paperNearEnd, raises the printer's userError
    await broker.broker.start();
    await agent.connected();
    // The console comes back to its session: queued while it was away or live, every alert arrives.
    // The listener is attached before the connection opens: queued messages follow the CONNACK at once.
    consoleClient = mqtt.connect(broker.url, options);
    const inbox = consoleInbox(consoleClient);
    started.push({ stop: () => consoleClient.endAsync(true) });
    const connack = await new Promise<{ sessionPresent: boolean }>((resolve) => consoleClient.once('connect', resolve));
    expect(connack.sessionPresent).toBe(true);
    await inbox.until('alerts', (a) => a.terminalId === id && a.code === 'receiptPrinter.userError');
    const mine = inbox.seen.filter((m) => m.kind === 'alerts' && m.terminalId === id).map((m) => m.value as { code: string; cleared?: boolean });
    // Order is the client's: nearEnd raised, reader offline, nearEnd cleared, printer userError.
    expect(mine.map((a) => `${a.code}${a.cleared ? ':cleared' : ''}`)).toEqual(['paperNearEnd', 'idReader.offline', 'paperNearEnd:cleared', 'receiptPrinter.userError']);
    expect(inbox.invalid).toEqual([]);
  });

  it('loses no alert raised while the broker is down when the terminal app restarts before it is back (the alert ledger)', async () => {
    const id = IDS[8]!;
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'easydo-alert-ledger-')), 'alerts.json');
    const options = { ...broker.consoleOptions('console-ledger'), clean: false, properties: { sessionExpiryInterval: 3600 } };
    let consoleClient = await mqtt.connectAsync(broker.url, options);
    await consoleClient.subscribeAsync(topics.all.alerts, { qos: 1 });
    await consoleClient.endAsync();
    await broker.broker.stop();
    await broker.broker.start();

    const raised: Alert[] = [];
    const first = await agentFor(id, { alertLedger: new AlertLedger({ file }), onAlert: (a) => raised.push(a) });
    await broker.broker.kill();
    first.terminal.setPaper('nearEnd');
    first.terminal.setReader(false);
    await first.agent.stop(); // the app stops with both alerts only in its client's memory (and the ledger)
    started.splice(started.indexOf(first.agent), 1);
    expect(new AlertLedger({ file }).pending().map((a) => a.code)).toEqual(['paperNearEnd', 'idReader.offline']);

    await broker.broker.start();
    // The app again, on the same data folder: the reader was plugged back while it was down, the paper is still low.
    const terminal = new SimulatedTerminal(terminalConfig(id));
    terminal.setPaper('nearEnd');
    const again = await agentFor(id, { alertLedger: new AlertLedger({ file }), ports: terminal.ports() });
    consoleClient = mqtt.connect(broker.url, options);
    const inbox = consoleInbox(consoleClient);
    started.push({ stop: () => consoleClient.endAsync(true) });
    await inbox.until('alerts', (a) => a.terminalId === id && a.code === 'idReader.offline' && a.cleared === true);
    await again.agent.heartbeatNow(); // one more round trip, so a stray extra alert would have arrived too
    for (let i = 0; i < 400 && new AlertLedger({ file }).pending().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(new AlertLedger({ file }).pending()).toEqual([]);
    const mine = inbox.seen.filter((m) => m.kind === 'alerts' && m.terminalId === id).map((m) => m.value as Alert);
    // The raised ones under the ids the first run gave them, then the reader's clearing; paper low is not raised twice.
    expect(mine.map((a) => `${a.id}${a.cleared ? ':cleared' : ''}`)).toEqual([raised[0]!.id, raised[1]!.id, `${raised[1]!.id}:cleared`]);
    expect(new AlertLedger({ file }).open().map((a) => a.id)).toEqual([raised[0]!.id]);
  });
});

describe('heartbeat', () => {
  it('sends device, counter, outbox and host figures that the console validates', async () => {
    const id = IDS[3]!;
    const { inbox } = await consoleClient();
    const { agent, terminal } = await agentFor(id);
    terminal.openSession();
    terminal.setPaper('nearEnd');
    expect(await agent.heartbeatNow()).toBe(true);
    const hb = await inbox.until('heartbeat', (h) => h.terminalId === id);
    expect(hb.counters).toMatchObject({ sessionsStarted: 1, sessionOpen: true, paper: 'low' });
    expect(hb.devices.map((d) => d.id)).toEqual(['idReader', 'receiptPrinter']);
    expect(hb.host.memoryTotalBytes).toBeGreaterThan(0);
  });
});

describe('commands', () => {
  it('configPush: validated like admin save, acked with the new config version, state republished', async () => {
    const id = IDS[4]!;
    const { client, inbox } = await consoleClient();
    const { agent } = await agentFor(id);
    const before = agent.state().configVersion;

    const good = command('configPush', { values: { session: { idleWarningSeconds: 90 } }, ifConfigVersion: before });
    await send(client, id, good);
    await inbox.until('acks', (a) => a.commandId === good.id && a.status === 'received');
    const done = await inbox.until('acks', (a) => a.commandId === good.id && a.status !== 'received');
    expect(done.status).toBe('done');
    expect(done.result?.configVersion).not.toBe(before);
    expect(done.result?.applied).toEqual(['session']);
    await inbox.until('state', (s) => s.terminalId === id && s.configVersion === done.result?.configVersion);

    const bad = command('configPush', { values: { session: { idleWarningSeconds: 5 } } });
    await send(client, id, bad);
    const refused = await inbox.until('acks', (a) => a.commandId === bad.id && a.status !== 'received');
    expect(refused.status).toBe('refused');
    expect(refused.issues?.map((i) => i.path)).toEqual(['session.idleWarningSeconds']);
    expect(agent.state().configVersion).toBe(done.result?.configVersion);

    const stale = command('configPush', { values: { session: { idleWarningSeconds: 120 } }, ifConfigVersion: before });
    await send(client, id, stale);
    expect((await inbox.until('acks', (a) => a.commandId === stale.id && a.status !== 'received')).status).toBe('refused');

    const secret = command('configPush', { values: { terminalSecret: 'x'.repeat(20) } });
    await send(client, id, secret);
    expect((await inbox.until('acks', (a) => a.commandId === secret.id && a.status !== 'received')).reason).toMatch(/secrets/);
  });

  it('configPush is refused while a resident session is open, and rolled back when the save cannot be verified', async () => {
    const id = IDS[5]!;
    const { client, inbox } = await consoleClient();
    const { agent, terminal } = await agentFor(id);
    const before = agent.state().configVersion;
    terminal.openSession();
    const during = command('configPush', { values: { session: { idleWarningSeconds: 90 } } });
    await send(client, id, during);
    const refused = await inbox.until('acks', (a) => a.commandId === during.id && a.status !== 'received');
    expect(refused).toMatchObject({ status: 'refused' });
    expect(refused.reason).toMatch(/session is open/);
    terminal.closeSession();

    terminal.failVerification = true;
    const failing = command('configPush', { values: { session: { idleWarningSeconds: 90 } } });
    await send(client, id, failing);
    const failed = await inbox.until('acks', (a) => a.commandId === failing.id && a.status !== 'received');
    expect(failed.status).toBe('failed');
    expect(failed.result?.configVersion).toBe(before);
    expect(terminal.config.session.idleWarningSeconds).toBe(60);
  });

  it('runs a command once even when it is delivered again; expired and unknown commands are answered, not run', async () => {
    const id = IDS[6]!;
    const { client, inbox } = await consoleClient();
    const { agent, terminal } = await agentFor(id);
    const out = command('outOfService', { reason: 'maintenance' });
    await send(client, id, out);
    const first = await inbox.until('acks', (a) => a.commandId === out.id && a.status === 'done');
    expect(first.result?.service).toBe('outOfService');
    await inbox.until('state', (s) => s.terminalId === id && s.service === 'outOfService' && s.serviceReason === 'maintenance');

    await terminal.ports().devices.setOutOfService(null); // someone put it back in service at the terminal
    await send(client, id, out); // the same command again
    const marker = command('reloadRenderer');
    await send(client, id, marker);
    await inbox.until('acks', (a) => a.commandId === marker.id && a.status === 'unsupported');
    const acksForOut = inbox.seen.filter((m) => m.kind === 'acks' && (m.value as { commandId: string }).commandId === out.id);
    expect(acksForOut.map((m) => (m.value as { status: string }).status)).toEqual(['received', 'done', 'done']);
    expect(terminal.serviceState().inService).toBe(true); // not run twice
    expect(agent.view().commandsExecuted).toBe(1);

    const expired = command('inService', {}, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    const unknown = command('selfDestruct');
    const screenshot = command('screenshot');
    await send(client, id, expired);
    await send(client, id, unknown);
    await send(client, id, screenshot);
    expect((await inbox.until('acks', (a) => a.commandId === expired.id)).status).toBe('expired');
    expect((await inbox.until('acks', (a) => a.commandId === unknown.id)).status).toBe('unsupported');
    expect((await inbox.until('acks', (a) => a.commandId === screenshot.id && a.status !== 'received')).status).toBe('unsupported');
  });

  it('drain: closed to new visits, draining while a resident is still served, out of service once the visit ends; logBundle uploads the file', async () => {
    const id = IDS[7]!;
    const { client, inbox } = await consoleClient();
    const terminal = new SimulatedTerminal(terminalConfig(id));
    const bundle = new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]);
    await agentFor(id, { ports: { ...terminal.ports(), diagnostics: { logBundle: async () => ({ fileName: 'diagnostics-test.tar.gz', bytes: bundle }) } } });
    terminal.openSession();
    const drain = command('drain');
    await send(client, id, drain);
    expect((await inbox.until('acks', (a) => a.commandId === drain.id && a.status === 'done')).result?.service).toBe('draining');
    await inbox.until('state', (s) => s.terminalId === id && s.service === 'draining');
    terminal.closeSession();
    await inbox.until('state', (s) => s.terminalId === id && s.service === 'outOfService');

    const logs = command('logBundle');
    await send(client, id, logs);
    const upload = await inbox.until('uploads', (u) => u.commandId === logs.id);
    expect(Buffer.from(upload.base64, 'base64')).toEqual(Buffer.from(bundle));
    const ack = await inbox.until('acks', (a) => a.commandId === logs.id && a.status === 'done');
    expect(ack.result?.upload).toEqual({ fileName: 'diagnostics-test.tar.gz', bytes: bundle.byteLength, contentType: 'application/gzip' });
  });
});
