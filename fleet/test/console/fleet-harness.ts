// A whole fleet for console tests: a private Mosquitto (per-terminal passwords, the fleet ACL), the console on a
// temp SQLite file with a city and two street operators, and real fleet agents on simulated terminals spread over
// two streets. Used by the console's integration tests and its Playwright E2E.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FleetAgent } from '@easydo/core/services/fleet/agent';
import { SimulatedTerminal } from '@easydo/core/services/fleet/simulated-terminal';
import type { Location } from '@easydo/core/services/fleet/messages';
import { startConsole, type ConsoleHandle, type ConsoleOptions } from '@easydo/fleet/console/server';
import { startTestMosquitto, type TestMosquitto } from '../support/mosquitto';
import { terminalConfig } from '../support/fleet-fixtures';

export const STREET_A: Omit<Location, 'centre'> = { district: '福田区', street: '莲花街道' };
export const STREET_B: Omit<Location, 'centre'> = { district: '南山区', street: '粤海街道' };
export const PASSWORDS = { city: 'city-operator-pass-01', streetA: 'street-a-pass-0001', streetB: 'street-b-pass-0001' };

export interface FleetTerminal {
  id: string;
  location: Location;
  agent: FleetAgent;
  sim: SimulatedTerminal;
}

export interface Fleet {
  broker: TestMosquitto;
  console: ConsoleHandle;
  terminals: FleetTerminal[];
  byId(id: string): FleetTerminal;
  close(): Promise<void>;
}

export const terminalId = (i: number) => `SZ-FLEET-${String(i).padStart(3, '0')}`;

/** Terminal i: even on street A, odd on street B; three centres per street. */
export function locationOf(i: number): Location {
  const street = i % 2 === 0 ? STREET_A : STREET_B;
  return { ...street, centre: `${street.street}第${(Math.floor(i / 2) % 3) + 1}服务中心` };
}

export async function startFleet(count: number, consoleOptions: Partial<ConsoleOptions> = {}): Promise<Fleet> {
  const ids = Array.from({ length: count }, (_, i) => terminalId(i));
  const broker = await startTestMosquitto({ auth: 'password', terminals: ids });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'easydo-fleet-console-'));
  const console = await startConsole({
    dbFile: path.join(dir, 'fleet.sqlite'),
    broker: { url: broker.url, clientOptions: broker.consoleOptions('fleet-console-test'), sharedGroup: 'console' },
    uiDir: null,
    operators: [
      { username: 'city', password: PASSWORDS.city, role: 'city' },
      { username: 'lianhua', password: PASSWORDS.streetA, role: 'street', ...STREET_A },
      { username: 'yuehai', password: PASSWORDS.streetB, role: 'street', ...STREET_B },
    ],
    ...consoleOptions,
  });
  const terminals: FleetTerminal[] = [];
  try {
    await Promise.all(
      ids.map(async (id, i) => {
        const sim = new SimulatedTerminal(terminalConfig(id));
        const creds = broker.terminalOptions(id);
        const location = locationOf(i);
        const agent = new FleetAgent({
          terminalId: id,
          brokerUrl: broker.url,
          connection: { username: creds.username!, password: creds.password as string },
          location,
          mode: 'kiosk',
          version: '0.1.0',
          heartbeatSeconds: 5,
          backoff: { baseMs: 50, capMs: 400 },
          ports: sim.ports(),
        });
        terminals.push({ id, location, agent, sim });
        await agent.start();
        await agent.heartbeatNow();
      }),
    );
  } catch (e) {
    await Promise.all(terminals.map((t) => t.agent.stop().catch(() => undefined)));
    await console.close();
    await broker.close();
    throw e;
  }
  terminals.sort((a, b) => a.id.localeCompare(b.id));
  return {
    broker,
    console,
    terminals,
    byId: (id) => terminals.find((t) => t.id === id) ?? (() => { throw new Error(`no terminal ${id}`); })(),
    async close() {
      await Promise.all(terminals.map((t) => t.agent.stop().catch(() => undefined)));
      await console.close();
      await broker.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until the check passes (a condition, not a stopwatch: the limit only stops a hung test). */
export async function until<T>(what: string, check: () => Promise<T | undefined | null | false> | T | undefined | null | false, limitMs = 20_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A REST client with its own cookie jar, as one operator's browser. */
export class OperatorClient {
  /** `cookie`: another client's, to go on with its session (a console restarted on the same store). */
  constructor(
    readonly base: string,
    public cookie = '',
  ) {}

  // Test code reads answers by path; their shape is checked by the console against fleet/openapi.yaml.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const res = await fetch(this.base + url, {
      method,
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!.endsWith('=') ? '' : set.split(';')[0]!;
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (an upload)
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  async signIn(username: string, password: string) {
    const r = await this.call('POST', '/api/session', { username, password });
    if (r.status !== 200) throw new Error(`sign-in of ${username} answered ${r.status}`);
    return r;
  }
}
