// Brokers for the development profile only (`npm run fleet`): an embedded aedes (MQTT 3.1.1, no shared
// subscriptions; enough for the console and a terminal speaking 3.1.1) or a private Mosquitto in the data folder
// with generated accounts and the fleet ACL (what the simulated agents need: they speak MQTT 5). Production
// refuses both and takes a real broker URL.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Aedes } from 'aedes';
import { z } from 'zod';
import { CONSOLE_USER, fleetAcl, mosquittoConf } from '../broker/mosquitto-conf';
import { MosquittoProcess, freePort, handToBrokerAccount } from '../broker/mosquitto-process';
import { writePasswordFile } from '../broker/password-file';
import type { BrokerOptions } from './ingest';

export interface DevBroker {
  url: string;
  /** How the console connects. */
  console: BrokerOptions;
  /** Credentials of a terminal account (mosquitto), or {} (aedes takes anyone). */
  terminal(terminalId: string): { username?: string; password?: string };
  /** The `fleet` section a real terminal (`npm start`, development config) needs to join this broker; mosquitto only. */
  fleetSection(terminalId: string, location: { district: string; street: string; centre: string }): Record<string, unknown> | null;
  close(): Promise<void>;
}

export async function startAedes(port = 0): Promise<DevBroker> {
  const aedes = await Aedes.createBroker();
  const server = createServer(aedes.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const url = `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    console: { url, protocolVersion: 4, sharedGroup: null, clientId: 'easydo-console-dev' },
    terminal: () => ({}),
    fleetSection: () => null,
    close: () =>
      new Promise<void>((resolve) => {
        aedes.close(() => server.close(() => resolve()));
      }),
  };
}

export async function startDevMosquitto(dir: string, terminalIds: string[], port?: number): Promise<DevBroker> {
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  const chosen = port ?? (await freePort());
  // Development accounts are kept in the folder (0600) and reused: a terminal still running across a restart of
  // `npm run fleet` (the real SZ-DEV-0001 beside it) reconnects with the password it has, and the broker's persisted
  // sessions (alerts queued for the console while it was down) belong to the same accounts.
  const kept = readKeptAccounts(path.join(dir, 'accounts.json'));
  const password = (id: string) => kept.get(id) ?? randomBytes(12).toString('hex');
  const accounts = new Map<string, string>([[CONSOLE_USER, password(CONSOLE_USER)], ...terminalIds.map((id) => [id, password(id)] as [string, string])]);
  writeFileSync(path.join(dir, 'accounts.json'), JSON.stringify(Object.fromEntries(accounts)), { mode: 0o600 });
  writePasswordFile(path.join(dir, 'passwords'), [...accounts].map(([username, password]) => ({ username, password })));
  writeFileSync(path.join(dir, 'acl'), fleetAcl());
  const conf = path.join(dir, 'mosquitto.conf');
  writeFileSync(conf, mosquittoConf({ port: chosen, passwordFile: path.join(dir, 'passwords'), aclFile: path.join(dir, 'acl'), persistenceDir: path.join(dir, 'data') }));
  handToBrokerAccount(dir);
  const broker = new MosquittoProcess(conf, chosen);
  await broker.start();
  const url = `mqtt://127.0.0.1:${chosen}`;
  return {
    url,
    console: { url, username: CONSOLE_USER, password: accounts.get(CONSOLE_USER)!, sharedGroup: null, clientId: 'easydo-console-dev' },
    terminal: (id) => ({ username: id, password: accounts.get(id) ?? '' }),
    fleetSection: (id, location) => {
      const password = accounts.get(id);
      if (!password) return null;
      // The terminal reads its password from a file (never from the config); one per terminal account.
      const passwordFile = path.join(dir, `${id}.password`);
      writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
      return { brokerUrl: url, auth: { kind: 'password', passwordFile }, location, heartbeatSeconds: 15 };
    },
    close: () => broker.stop(),
  };
}

const KeptAccounts = z.record(z.string(), z.string().min(8));

function readKeptAccounts(file: string): Map<string, string> {
  if (!existsSync(file)) return new Map();
  try {
    return new Map(Object.entries(KeptAccounts.parse(JSON.parse(readFileSync(file, 'utf8')))));
  } catch {
    return new Map(); // damaged: new passwords (the printed fleet section says the new one)
  }
}
