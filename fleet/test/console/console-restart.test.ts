// The console process dies (SIGKILL, no clean stop) and starts again on the same data folder: every alert it had,
// and every alert a terminal raised while it was down (queued by the broker in the console's persistent session),
// is in its API afterwards, once each; the operator's session survives too (sessions live in SQLite). The real
// CLI (`npm run fleet -- --broker URL ...`) runs as a child process, as an operations centre runs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FleetAgent } from '@easydo/core/services/fleet/agent';
import { SimulatedTerminal } from '@easydo/core/services/fleet/simulated-terminal';
import type { Alert } from '@easydo/core/services/fleet/messages';
import { freePort } from '@easydo/fleet/broker/mosquitto-process';
import { startTestMosquitto, type TestMosquitto } from '../support/mosquitto';
import { LOCATION, terminalConfig } from '../support/fleet-fixtures';
import { OperatorClient, until } from './fleet-harness';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const ID = 'SZ-RESTART-01';

let broker: TestMosquitto;
let dir: string;
let port: number;
let consoleProcess: ChildProcess | null = null;
let agent: FleetAgent | null = null;

/** Starts `npm run fleet` on the test broker and the data folder; resolves with its URL once it listens. */
async function startConsoleProcess(): Promise<string> {
  const passwordFile = path.join(dir, 'console.password');
  writeFileSync(passwordFile, broker.consoleCredentials.password, { mode: 0o600 });
  // node with tsx's loader, not the tsx wrapper: a SIGKILL must reach the console itself, not a parent of it.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'fleet/src/cli.ts', '--broker', broker.url, '--broker-user', broker.consoleCredentials.username, '--broker-password-file', passwordFile, '--data-dir', dir, '--port', String(port)],
    { cwd: repo, env: { ...process.env, EASYDO_PROFILE: 'development' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  consoleProcess = child;
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the console did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /Fleet console: (http:\/\/\S+?)\/ /.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => reject(new Error(`the console exited (${code}): ${out}`)));
  });
}

function killConsole(): Promise<void> {
  const child = consoleProcess;
  consoleProcess = null;
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

beforeAll(async () => {
  broker = await startTestMosquitto({ auth: 'password', terminals: [ID] });
  dir = mkdtempSync(path.join(os.tmpdir(), 'easydo-console-restart-'));
  port = await freePort();
});

afterAll(async () => {
  await agent?.stop().catch(() => undefined);
  await killConsole();
  await broker?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the console restarts', () => {
  it('keeps the alerts it had and gets those raised while it was down, once each; the session cookie still works', async () => {
    let url = await startConsoleProcess();
    const operator = new OperatorClient(url);
    await operator.signIn('city', 'easydo-city-dev');

    const sim = new SimulatedTerminal(terminalConfig(ID));
    const acked: Alert[] = [];
    agent = new FleetAgent({
      terminalId: ID,
      brokerUrl: broker.url,
      connection: { username: ID, password: broker.terminalOptions(ID).password as string },
      location: LOCATION,
      mode: 'kiosk',
      version: '0.1.0',
      heartbeatSeconds: 3600,
      backoff: { baseMs: 50, capMs: 400 },
      ports: sim.ports(),
      onAlertAcked: (a) => acked.push(a),
    });
    await agent.start();
    await until('the terminal listed', async () => (await operator.call('GET', `/api/terminals/${ID}`)).status === 200);

    // Before the crash: the reader goes offline (an alert the console has).
    sim.setReader(false);
    const before = await until('the reader alert at the console', async () => {
      const r = await operator.call('GET', '/api/alerts');
      return (r.body.alerts as Array<{ code: string; alertId: string }>).find((a) => a.code === 'idReader.offline');
    });

    await killConsole();
    // While it is down: paper near end raised, the reader back (its alert cleared), paper out raised.
    sim.setPaper('nearEnd');
    sim.setReader(true);
    sim.setPaper('out');
    await until('the broker took every alert raised while the console was down', () => acked.length >= 5);
    const whileDown = acked.slice(1);

    url = await startConsoleProcess();
    const same = new OperatorClient(url, operator.cookie);
    const alerts = await until('the alerts raised while the console was down', async () => {
      const r = await same.call('GET', '/api/alerts');
      expect(r.status).toBe(200);
      const list = r.body.alerts as Array<{ alertId: string; code: string; clearedAt: string | null }>;
      return whileDown.every((a) => list.some((x) => x.alertId === a.id && (!a.cleared || x.clearedAt !== null))) ? list : null;
    });
    const ids = alerts.map((a) => a.alertId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(before.alertId);
    expect(alerts.find((a) => a.alertId === before.alertId)?.clearedAt).not.toBeNull();
    const raisedWhileDown = whileDown.filter((a) => !a.cleared).map((a) => a.code).sort();
    expect(raisedWhileDown).toEqual(['paperNearEnd', 'receiptPrinter.userError']);
    expect(alerts.filter((a) => a.clearedAt === null).map((a) => a.code).sort()).toEqual(['receiptPrinter.userError']);
  }, 180_000);
});
