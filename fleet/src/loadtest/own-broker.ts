// The load test's own Mosquitto: a temp folder with a password per terminal (derived from a run secret), the
// console account, the fleet ACL, persistence on, and room for every connection. The queue per client must hold a
// whole fleet's burst for the console (10,000 states and alerts after a restart): mosquitto drops beyond it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CONSOLE_USER, fleetAcl, mosquittoConf } from '../broker/mosquitto-conf';
import { MosquittoProcess, freePort, handToBrokerAccount } from '../broker/mosquitto-process';
import { writePasswordFile } from '../broker/password-file';
import { terminalPassword } from './protocol';

export interface OwnBroker {
  url: string;
  broker: MosquittoProcess;
  passwordSecret: string;
  console: { username: string; password: string };
  close(): Promise<void>;
}

export async function startOwnBroker(ids: string[]): Promise<OwnBroker> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'easydo-loadtest-broker-'));
  const port = await freePort();
  const passwordSecret = randomBytes(16).toString('hex');
  const consoleAccount = { username: CONSOLE_USER, password: randomBytes(12).toString('hex') };
  const passwordFile = path.join(dir, 'passwords');
  writePasswordFile(passwordFile, [consoleAccount, ...ids.map((id) => ({ username: id, password: terminalPassword(passwordSecret, id) }))]);
  const aclFile = path.join(dir, 'acl');
  writeFileSync(aclFile, fleetAcl());
  const persistenceDir = path.join(dir, 'data');
  mkdirSync(persistenceDir);
  const confFile = path.join(dir, 'mosquitto.conf');
  writeFileSync(confFile, mosquittoConf({ port, passwordFile, aclFile, persistenceDir, maxConnections: ids.length + 100, maxQueuedMessages: 200_000 }));
  handToBrokerAccount(dir);
  const broker = new MosquittoProcess(confFile, port);
  await broker.start(30_000);
  return {
    url: `mqtt://127.0.0.1:${port}`,
    broker,
    passwordSecret,
    console: consoleAccount,
    async close() {
      await broker.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
