// `npm run fleet -- --simulate N` with `npm start` beside it: the development Mosquitto has an account for the
// development terminal (SZ-DEV-0001) and hands out the `fleet` config section it needs; a terminal built by the
// real composition root with that section appears in the console's API next to a simulated agent.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig, simulatorDefaults } from '@easydo/core/services/config/load';
import { createTerminal, type Terminal } from '@easydo/core/services/terminal/compose';
import { createLogger } from '@easydo/core/services/logging/logger';
import { FleetAgent } from '@easydo/core/services/fleet/agent';
import { SimulatedTerminal } from '@easydo/core/services/fleet/simulated-terminal';
import { startDevMosquitto, type DevBroker } from '@easydo/fleet/console/dev-brokers';
import { startConsole, type ConsoleHandle } from '@easydo/fleet/console/server';

const DEV_ID = simulatorDefaults().terminalId;
const SIM_ID = 'SZ-SIM-0001';
const place = { district: '福田区', street: '莲花街道', centre: '莲花街道第1党群服务中心' };
const closers: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of closers.reverse()) await c().catch(() => undefined);
});

describe('a real terminal beside simulated ones in the development fleet', () => {
  it('the dev broker gives SZ-DEV-0001 an account and a fleet section; the console lists it next to SZ-SIM-0001', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'easydo-devfleet-'));
    // Its own temp folder: handed to the broker account, as the CLI's data folder is.
    const dev: DevBroker = await startDevMosquitto(mkdtempSync(path.join(os.tmpdir(), 'easydo-devbroker-')), [DEV_ID, SIM_ID]);
    closers.push(() => dev.close());
    const handle: ConsoleHandle = await startConsole({ dbFile: path.join(dir, 'fleet.sqlite'), broker: dev.console, operators: [{ username: 'city', password: 'easydo-city-test', role: 'city' }] });
    closers.push(() => handle.close());

    expect(dev.fleetSection('SZ-NOT-AN-ACCOUNT', place)).toBeNull();
    const section = dev.fleetSection(DEV_ID, place);
    expect(section).toMatchObject({ brokerUrl: dev.url, auth: { kind: 'password' } });

    const sim = new SimulatedTerminal(parseConfig({ ...simulatorDefaults(), terminalId: SIM_ID }));
    const agent = new FleetAgent({ terminalId: SIM_ID, brokerUrl: dev.url, connection: dev.terminal(SIM_ID), location: place, mode: 'kiosk', version: '0.1.0-sim', heartbeatSeconds: 15, ports: sim.ports() });
    closers.push(() => agent.stop());
    await agent.start();

    const base = simulatorDefaults();
    const config = parseConfig({ ...base, backend: { kind: 'embedded-sandbox', clockSpeed: 6000 }, devices: { ...base.devices, scanner: { source: 'none' } }, fleet: section });
    const terminal: Terminal = await createTerminal({ config, dataDir: mkdtempSync(path.join(os.tmpdir(), 'easydo-devterm-')), version: '7.7.7-dev', logger: createLogger({ level: 'silent' }) });
    closers.push(() => terminal.close());
    expect(terminal.fleet).not.toBeNull();

    const signIn = await fetch(`${handle.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'city', password: 'easydo-city-test' }) });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    type Listed = { terminalId: string; online: boolean; version: string };
    let listed: Listed[] = [];
    // Bounded wait for both states to reach the console (not a timing assertion: the check below is on content).
    for (let i = 0; i < 200 && !(listed.length === 2 && listed.every((t) => t.online)); i++) {
      const res = await fetch(`${handle.url}/api/terminals`, { headers: { cookie } });
      const body = (await res.json()) as { groups: Array<{ terminals: Listed[] }> };
      listed = body.groups.flatMap((g) => g.terminals);
      await new Promise((r) => setTimeout(r, 100));
    }
    const byId = new Map(listed.map((t) => [t.terminalId, t]));
    expect([...byId.keys()].sort()).toEqual([DEV_ID, SIM_ID].sort());
    expect(byId.get(DEV_ID)).toMatchObject({ online: true, version: '7.7.7-dev' });
    expect(byId.get(SIM_ID)).toMatchObject({ online: true, version: '0.1.0-sim' });
  }, 120_000);
});
