// The load test's console: the real fleet console (startConsole, SQLite in a temp folder, the console's broker
// account) in its own process, so its CPU and memory are its own and not the load generator's.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startConsole, type ConsoleHandle } from '../console/server';
import type { FromConsole, ToConsole } from './protocol';

const send = (m: FromConsole) => process.send?.(m);
let handle: ConsoleHandle | null = null;
let dir: string | null = null;
let cpu0 = process.cpuUsage();
let wall0 = Date.now();

async function onMessage(m: ToConsole): Promise<void> {
  if (m.type === 'start') {
    dir = mkdtempSync(path.join(os.tmpdir(), 'easydo-loadtest-console-'));
    handle = await startConsole({
      dbFile: path.join(dir, 'fleet.sqlite'),
      broker: { url: m.brokerUrl, ...(m.password !== undefined ? { password: m.password } : {}), username: m.username, clientId: `loadtest-console-${process.pid}`, sharedGroup: m.sharedGroup },
      operators: [{ username: m.operator.username, password: m.operator.password, role: 'city' }],
    });
    cpu0 = process.cpuUsage();
    wall0 = Date.now();
    send({ type: 'started', url: handle.url });
  } else if (m.type === 'usage') {
    // CPU since the last `usage` (or since start), as a percentage of one core.
    const cpu = process.cpuUsage(cpu0);
    const wall = Date.now() - wall0;
    cpu0 = process.cpuUsage();
    wall0 = Date.now();
    const stats = handle?.ingest.stats();
    send({
      type: 'usage',
      cpuPercent: wall > 0 ? Math.round(((cpu.user + cpu.system) / 1000 / wall) * 1000) / 10 : 0,
      rssBytes: process.memoryUsage().rss,
      received: stats?.received ?? 0,
      rejected: stats?.rejected ?? 0,
      brokerConnected: stats?.connected ?? false,
      specViolations: handle?.specViolations().length ?? 0,
    });
  } else if (m.type === 'stop') {
    await handle?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    send({ type: 'stopped' });
    process.exit(0);
  }
}

process.on('message', (m: ToConsole) => {
  onMessage(m).catch((e: unknown) => {
    process.stderr.write(`loadtest console: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
});
send({ type: 'ready' });
