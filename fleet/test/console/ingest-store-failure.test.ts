// A store failure is not acknowledged to the broker (the alert is redelivered, not lost); a message that fails
// every time is parked after MAX_STORE_FAILURES instead of cycling for ever.
import mqtt from 'mqtt';
import { afterAll, describe, expect, it } from 'vitest';
import { Ingest } from '@easydo/fleet/console/ingest';
import { Hub } from '@easydo/fleet/console/hub';
import { openSqliteStore } from '@easydo/fleet/console/sqlite-store';
import { MAX_STORE_FAILURES } from '@easydo/fleet/console/store-retry';
import type { FleetStore } from '@easydo/fleet/console/store';
import { Alert, Heartbeat, encode, topics } from '@easydo/core/services/fleet/messages';
import { EXAMPLES } from '@easydo/core/services/fleet/examples';
import { startTestMosquitto, type TestMosquitto } from '../support/mosquitto';

const ID = 'SZ-INGEST-01';
const alert = (id: string): Alert => ({ id, terminalId: ID, at: '2026-12-02T03:00:00.000Z', severity: 'warning', code: 'paperNearEnd', device: 'receiptPrinter' });
const payload = (a: Alert) => Buffer.from(encode(Alert, topics.alerts(ID), a));

/** The real store, whose putAlert fails `times` times for the alert ids listed. */
function flakyStore(failing: Map<string, number>): { store: FleetStore } {
  const real = openSqliteStore(':memory:');
  const store: FleetStore = {
    ...real,
    putAlert: async (a, at) => {
      const left = failing.get(a.id) ?? 0;
      if (left > 0) {
        failing.set(a.id, left - 1);
        throw new Error('database is locked');
      }
      return real.putAlert(a, at);
    },
  };
  return { store };
}

describe('ingest on a store failure', () => {
  it('leaves the message unacknowledged, and stores it when it comes again', async () => {
    const { store } = flakyStore(new Map([['a-1', 2]]));
    const ingest = new Ingest(store, new Hub(), { url: 'mqtt://unused.invalid' });
    const a = alert('a-1');
    expect(await ingest.onMessage(topics.alerts(ID), payload(a))).toBe('redeliver');
    expect(await ingest.onMessage(topics.alerts(ID), payload(a))).toBe('redeliver');
    expect(await ingest.onMessage(topics.alerts(ID), payload(a))).toBe('done');
    expect(await store.getAlert(ID, 'a-1')).not.toBeNull();
    expect(ingest.stats()).toMatchObject({ storeFailures: 2, parked: 0 });
  });

  it('parks a message that always fails after MAX_STORE_FAILURES, then acknowledges it', async () => {
    const { store } = flakyStore(new Map([['a-2', Number.MAX_SAFE_INTEGER]]));
    const parked: unknown[] = [];
    const withPark: FleetStore = { ...store, parkMessage: async (m) => void parked.push(m) };
    const ingest = new Ingest(withPark, new Hub(), { url: 'mqtt://unused.invalid' });
    const outcomes: string[] = [];
    for (let i = 0; i < MAX_STORE_FAILURES; i++) outcomes.push(await ingest.onMessage(topics.alerts(ID), payload(alert('a-2'))));
    expect(outcomes).toEqual([...Array<string>(MAX_STORE_FAILURES - 1).fill('redeliver'), 'done']);
    expect(parked).toEqual([expect.objectContaining({ topic: topics.alerts(ID), failures: MAX_STORE_FAILURES, lastError: 'database is locked' })]);
    expect(ingest.stats()).toMatchObject({ storeFailures: MAX_STORE_FAILURES, parked: 1 });
    expect(ingest.stats().lastRejections[0]?.reason).toMatch(/parked after 5 store failures/);
  });

  it('a failed heartbeat write does not stop later flushes', async () => {
    const real = openSqliteStore(':memory:');
    let fail = true;
    const store: FleetStore = { ...real, putHeartbeats: async (w) => (fail ? Promise.reject(new Error('disk full')) : real.putHeartbeats(w)) };
    const ingest = new Ingest(store, new Hub(), { url: 'mqtt://unused.invalid' });
    const beat = (seq: number) => Buffer.from(encode(Heartbeat, topics.heartbeat(EXAMPLES.Heartbeat.terminalId), { ...EXAMPLES.Heartbeat, seq } as unknown as Heartbeat));
    await ingest.onMessage(topics.heartbeat(EXAMPLES.Heartbeat.terminalId), beat(1));
    await ingest.flush();
    fail = false;
    await ingest.onMessage(topics.heartbeat(EXAMPLES.Heartbeat.terminalId), beat(2));
    await expect(ingest.flush()).resolves.toBeUndefined();
    expect(ingest.stats().storeFailures).toBe(1);
  });

  it('the SQLite store keeps a parked message', async () => {
    const store = openSqliteStore(':memory:');
    await expect(store.parkMessage!({ topic: topics.alerts(ID), payload: payload(alert('a-3')), failures: 5, lastError: 'x', at: '2026-12-02T03:00:00.000Z' })).resolves.toBeUndefined();
  });
});

describe('ingest on a store failure, against a real Mosquitto', () => {
  let broker: TestMosquitto | null = null;
  afterAll(async () => {
    await broker?.close();
  });

  it('the broker redelivers the unacknowledged alert after the reconnect, and it is stored once', async () => {
    broker = await startTestMosquitto({ auth: 'password', terminals: [ID] });
    const { store } = flakyStore(new Map([['a-broker', 1]]));
    const ingest = new Ingest(store, new Hub(), {
      url: broker.url,
      username: broker.consoleCredentials.username,
      password: broker.consoleCredentials.password,
      clientId: 'console-ingest-failure',
    });
    await ingest.start();
    const terminal = await mqtt.connectAsync(broker.url, broker.terminalOptions(ID));
    try {
      await terminal.publishAsync(topics.alerts(ID), payload(alert('a-broker')), { qos: 1 });
      // Generous: the redelivery waits for mqtt.js's reconnect (reconnectPeriod 1 s).
      for (let i = 0; i < 600 && !(await store.getAlert(ID, 'a-broker')); i++) await new Promise((r) => setTimeout(r, 50));
      expect(await store.getAlert(ID, 'a-broker')).not.toBeNull();
      expect(ingest.stats()).toMatchObject({ storeFailures: 1, parked: 0 });
    } finally {
      await terminal.endAsync();
      await ingest.close();
    }
  }, 60_000);
});
