// A real Mosquitto for one test: its own temp folder, config, free port, accounts and (with TLS) its own CA and
// per-terminal client certificates, the fleet ACL (fleet/src/broker/mosquitto-conf.ts), and mqtt.js connection
// options for a terminal or the console. The security tests use it, and so does the console's E2E.
//
//   const broker = await startTestMosquitto({ auth: 'certificate', terminals: ['SZ-T-0001'] });
//   const client = await mqtt.connectAsync(broker.url, broker.terminalOptions('SZ-T-0001'));
//   ...; await broker.close();
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { IClientOptions } from 'mqtt';
import { CONSOLE_USER, fleetAcl, mosquittoConf } from '@easydo/fleet/broker/mosquitto-conf';
import { MosquittoProcess, freePort, handToBrokerAccount } from '@easydo/fleet/broker/mosquitto-process';
import { writePasswordFile } from '@easydo/fleet/broker/password-file';
import { makeTestCa, type TestCa } from './certs';

export type TestBrokerAuth =
  /** Per-terminal passwords over plain TCP (the ACL still applies). */
  | 'password'
  /** Per-terminal passwords over TLS (server certificate from the test CA). */
  | 'password-tls'
  /** Mutual TLS: a client certificate per terminal, CN = terminal id = username. */
  | 'certificate';

export interface TestMosquittoOptions {
  auth?: TestBrokerAuth;
  /** Terminal ids to provision (passwords or certificates); more can be added with addTerminal before start. */
  terminals?: string[];
  /** Keep sessions and queued messages in a persistence file across restarts. Default true. */
  persistence?: boolean;
  maxConnections?: number;
}

export interface TestMosquitto {
  url: string;
  port: number;
  dir: string;
  auth: TestBrokerAuth;
  ca: TestCa | null;
  broker: MosquittoProcess;
  consoleCredentials: { username: string; password: string };
  /** mqtt.js options for this terminal (client id = username = terminal id). */
  terminalOptions(terminalId: string): IClientOptions;
  /** mqtt.js options for the console account. */
  consoleOptions(clientId?: string): IClientOptions;
  /** SIGKILL then start again on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestMosquitto(options: TestMosquittoOptions = {}): Promise<TestMosquitto> {
  const auth = options.auth ?? 'certificate';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'easydo-mosquitto-'));
  const port = await freePort();
  const terminals = options.terminals ?? [];
  const consoleCredentials = { username: CONSOLE_USER, password: randomBytes(12).toString('hex') };
  const passwords = new Map(terminals.map((id) => [id, randomBytes(12).toString('hex')]));

  const ca = auth === 'password' ? null : makeTestCa(dir);
  const passwordFile = path.join(dir, 'passwords');
  // With passwords every account (console too) has an entry; with mTLS the certificate's CN is the account.
  if (auth !== 'certificate') writePasswordFile(passwordFile, [consoleCredentials, ...[...passwords].map(([username, password]) => ({ username, password }))]);
  const aclFile = path.join(dir, 'acl');
  writeFileSync(aclFile, fleetAcl());
  const persistenceDir = path.join(dir, 'data');
  const confFile = path.join(dir, 'mosquitto.conf');
  writeFileSync(
    confFile,
    mosquittoConf({
      port,
      ...(auth === 'certificate' ? {} : { passwordFile }),
      aclFile,
      ...(ca ? { tls: { caFile: ca.caFile, certFile: ca.server.certFile, keyFile: ca.server.keyFile, requireClientCertificate: auth === 'certificate' } } : {}),
      ...(options.persistence === false ? {} : { persistenceDir }),
      ...(options.maxConnections ? { maxConnections: options.maxConnections } : {}),
    }),
  );
  if (options.persistence !== false) mkdirSync(persistenceDir, { recursive: true });
  handToBrokerAccount(dir);
  const broker = new MosquittoProcess(confFile, port);
  await broker.start();

  const url = `${ca ? 'mqtts' : 'mqtt'}://127.0.0.1:${port}`;
  const tlsBase = (): IClientOptions => (ca ? { ca: ca.ca, servername: 'localhost', rejectUnauthorized: true } : {});
  return {
    url,
    port,
    dir,
    auth,
    ca,
    broker,
    consoleCredentials,
    terminalOptions(terminalId) {
      const base: IClientOptions = { ...tlsBase(), clientId: terminalId, protocolVersion: 5, reconnectPeriod: 0, connectTimeout: 5000 };
      if (auth === 'certificate') {
        const pair = ca!.client(terminalId);
        return { ...base, cert: pair.cert, key: pair.key };
      }
      const password = passwords.get(terminalId);
      if (!password) throw new Error(`terminal ${terminalId} was not provisioned on this broker`);
      return { ...base, username: terminalId, password };
    },
    consoleOptions(clientId = `console-${randomBytes(4).toString('hex')}`) {
      // With mTLS the console's certificate CN is the console account (the ACL's `user` line).
      const cert = auth === 'certificate' ? ca!.client(CONSOLE_USER) : null;
      return {
        ...tlsBase(),
        clientId,
        protocolVersion: 5,
        reconnectPeriod: 0,
        connectTimeout: 5000,
        ...(cert ? { cert: cert.cert, key: cert.key } : { username: consoleCredentials.username, password: consoleCredentials.password }),
      };
    },
    async restart() {
      await broker.kill();
      await broker.start();
    },
    async close() {
      await broker.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
