// The fleet's window commands through the REAL Electron main bundle (under Node against the fake `electron`): a
// terminal configured for the fleet joins a real Mosquitto, and a console's `screenshot` command comes back as the
// terminal window's capturePage PNG uploaded with a `done` ack; `reloadRenderer` reloads that window. What is left
// untested without the Electron binary is Chromium painting the pixels.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatorDefaults } from '@easydo/core/services/config/load';
import { Command, CommandAck, Upload, decode, encode, parseTopic, topics } from '@easydo/core/services/fleet/messages';
import { buildFakeElectronMain, launchFakeElectron, type FakeElectronBuild, type FakeElectronRun } from '../fake-electron/launch';
import { FAKE_CAPTURE_PNG } from '../fake-electron/windows';

const MOSQUITTO = '/usr/sbin/mosquitto';
let built: FakeElectronBuild;
let broker: ChildProcess;
let brokerUrl: string;
let dir: string;
let run: FakeElectronRun | null = null;
let consoleClient: MqttClient | null = null;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'easydo-electron-fleet-'));
  const port = await freePort();
  // A private broker for this test (anonymous on loopback: the ACL and mTLS have their own tests in fleet/test/security).
  writeFileSync(path.join(dir, 'mosquitto.conf'), `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stderr\nlog_type error\n`);
  broker = spawn(MOSQUITTO, ['-c', path.join(dir, 'mosquitto.conf')], { stdio: 'ignore' });
  brokerUrl = `mqtt://127.0.0.1:${port}`;
  built = await buildFakeElectronMain();
  for (let i = 0; i < 100 && !consoleClient; i++) {
    consoleClient = await mqtt.connectAsync(brokerUrl, { protocolVersion: 5, clientId: 'electron-fleet-console', reconnectPeriod: 0 }).catch(() => null);
    if (!consoleClient) await new Promise((r) => setTimeout(r, 100));
  }
}, 180_000);

afterAll(async () => {
  if (run && !run.exit) run.child.kill('SIGKILL');
  await consoleClient?.endAsync(true);
  broker?.kill('SIGKILL');
  built?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('fleet commands in the Electron shell', () => {
  it('screenshot uploads the terminal window\'s capturePage PNG; reloadRenderer reloads that window', async () => {
    const base = simulatorDefaults();
    const terminalId = base.terminalId;
    const dataDir = path.join(dir, 'data');
    writeFileSync(path.join(dir, 'terminal.password'), 'not-checked-by-this-broker\n');
    const fleet = { brokerUrl, auth: { kind: 'password', passwordFile: path.join(dir, 'terminal.password') }, location: { district: '福田区', street: '莲花街道', centre: '莲花街道党群服务中心' }, heartbeatSeconds: 3600 };
    const client = consoleClient!;
    const acks: CommandAck[] = [];
    const uploads: Upload[] = [];
    client.on('message', (topic, payload) => {
      const where = parseTopic(topic);
      if (where?.kind === 'acks') acks.push(decode(CommandAck, topic, payload));
      else if (where?.kind === 'uploads') uploads.push(decode(Upload, topic, payload));
    });
    await client.subscribeAsync([topics.acks(terminalId), topics.upload(terminalId, '+'), topics.state(terminalId)], { qos: 1 });
    const online = new Promise<void>((resolve) =>
      client.on('message', (topic, payload) => {
        if (topic === topics.state(terminalId) && (JSON.parse(payload.toString()) as { online: boolean }).online) resolve();
      }),
    );

    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ ...base, fleet }));
    run = launchFakeElectron(built, { args: ['--mode', 'kiosk'], dataDir });
    await run.waitForLine(/terminal started: mode=kiosk windows=1/);
    const [win] = (await run.state()).windows;
    await run.waitFor('the terminal page loaded', (r) => r.type === 'load' && r.webContentsId === win!.webContentsId);
    await online;

    const send = async (name: string, id: string) => {
      const now = Date.now();
      const command: Command = { id, name, args: {}, issuedAt: new Date(now).toISOString(), expiresAt: new Date(now + 600_000).toISOString(), issuedBy: 'test-operator' };
      await client.publishAsync(topics.commands(terminalId), encode(Command, topics.commands(terminalId), command), { qos: 1 });
    };
    const finalAck = async (id: string) => {
      for (let i = 0; i < 400; i++) {
        const ack = acks.find((a) => a.commandId === id && a.status !== 'received');
        if (ack) return ack;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no final ack for ${id}`);
    };

    await send('screenshot', 'cmd-electron-shot-000001');
    expect(await finalAck('cmd-electron-shot-000001')).toMatchObject({ status: 'done' });
    for (let i = 0; i < 100 && !uploads.length; i++) await new Promise((r) => setTimeout(r, 50));
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toMatchObject({ commandId: 'cmd-electron-shot-000001', contentType: 'image/png', terminalId });
    expect(Buffer.from(uploads[0]!.base64, 'base64').equals(Buffer.from(FAKE_CAPTURE_PNG, 'base64'))).toBe(true);

    await send('reloadRenderer', 'cmd-electron-reload-001');
    expect(await finalAck('cmd-electron-reload-001')).toMatchObject({ status: 'done' });
    await run.waitFor('the terminal window reloaded', (r) => r.type === 'reload' && r.webContentsId === win!.webContentsId);
  }, 180_000);
});
