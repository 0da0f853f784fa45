// `npm run fleet` restarted on the same data folder: the development Mosquitto keeps its accounts, so a terminal
// that stayed up (the real SZ-DEV-0001 beside the console) reconnects with the password it already has.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FleetAgent } from '@easydo/core/services/fleet/agent';
import { SimulatedTerminal } from '@easydo/core/services/fleet/simulated-terminal';
import { startDevMosquitto, type DevBroker } from '@easydo/fleet/console/dev-brokers';
import { freePort } from '@easydo/fleet/broker/mosquitto-process';
import { LOCATION, terminalConfig } from '../support/fleet-fixtures';

const ID = 'SZ-DEV-0001';
const dir = mkdtempSync(path.join(os.tmpdir(), 'easydo-devbroker-restart-'));
let broker: DevBroker | null = null;
let agent: FleetAgent | null = null;
afterAll(async () => {
  await agent?.stop().catch(() => undefined);
  await broker?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the development Mosquitto', () => {
  it('keeps its accounts over a restart: a terminal still running reconnects with its password', async () => {
    const port = await freePort();
    broker = await startDevMosquitto(dir, [ID], port);
    const credentials = broker.terminal(ID);
    agent = new FleetAgent({ terminalId: ID, brokerUrl: broker.url, connection: credentials, location: LOCATION, mode: 'kiosk', version: '0.1.0', heartbeatSeconds: 3600, backoff: { baseMs: 50, capMs: 300 }, ports: new SimulatedTerminal(terminalConfig(ID)).ports() });
    await agent.start();
    expect(agent.view().connects).toBe(1);

    await broker.close();
    broker = await startDevMosquitto(dir, [ID], port);
    expect(broker.terminal(ID)).toEqual(credentials);
    for (let i = 0; i < 200 && agent.view().connects < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(agent.view()).toMatchObject({ connected: true, connects: 2 });
  }, 60_000);
});
