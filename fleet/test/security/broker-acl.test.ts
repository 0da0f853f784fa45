// Against a real Mosquitto with the fleet ACL: a terminal writes only under its own id and reads only its own
// commands, whatever client id it claims; a terminal without a valid certificate (or password) is refused.
// Each proof that something did NOT arrive is closed by a marker sent after it on the same path, which does
// arrive: MQTT keeps order per publisher and QoS, so the denied message would have come first.
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { topics } from '@easydo/core/services/fleet/messages';
import { startTestMosquitto, type TestMosquitto } from '../support/mosquitto';
import { makeTestCa } from '../support/certs';

const A = 'SZ-TEST-A';
const B = 'SZ-TEST-B';

/** Collects messages; `until` waits for the first one that matches. */
function collect(client: MqttClient) {
  const seen: Array<{ topic: string; text: string }> = [];
  const waiters: Array<{ match: (m: { topic: string; text: string }) => boolean; resolve: () => void }> = [];
  client.on('message', (topic, payload) => {
    const m = { topic, text: payload.toString() };
    seen.push(m);
    for (const w of [...waiters]) if (w.match(m)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  return {
    seen,
    until: (match: (m: { topic: string; text: string }) => boolean) =>
      seen.some(match) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ match, resolve })),
  };
}

const clients: MqttClient[] = [];
async function connect(broker: TestMosquitto, options: mqtt.IClientOptions): Promise<MqttClient> {
  const c = await mqtt.connectAsync(broker.url, options);
  clients.push(c);
  return c;
}

/** The PUBACK reason code mosquitto answered a QoS 1 publish with (0 = accepted). */
async function pubackCode(client: MqttClient, topic: string, text: string, retain = false): Promise<number> {
  try {
    const packet = await client.publishAsync(topic, text, { qos: 1, retain });
    return (packet as { reasonCode?: number } | undefined)?.reasonCode ?? 0;
  } catch (e) {
    return (e as { code?: number }).code ?? -1;
  }
}

function behavesLikeTheFleetAcl(auth: 'certificate' | 'password-tls' | 'password') {
  describe(`fleet ACL (${auth})`, () => {
    let broker: TestMosquitto;
    beforeAll(async () => {
      broker = await startTestMosquitto({ auth, terminals: [A, B], persistence: false });
    });
    afterAll(async () => {
      await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
      await broker.close();
    });

    it('terminal A publishes its own state, but not B\'s (the console sees A\'s marker and never B\'s forgery)', async () => {
      const consoleClient = await connect(broker, broker.consoleOptions());
      const inbox = collect(consoleClient);
      await consoleClient.subscribeAsync(topics.all.state, { qos: 1 });
      const a = await connect(broker, broker.terminalOptions(A));

      const forged = await pubackCode(a, topics.state(B), '{"forged":true}', true);
      expect(await pubackCode(a, topics.state(A), '{"marker":1}', true)).toBe(0);
      await inbox.until((m) => m.topic === topics.state(A));

      expect(forged).toBe(0x87); // MQTT 5: not authorized
      expect(inbox.seen.filter((m) => m.topic === topics.state(B))).toEqual([]);
    });

    it('a client id that claims to be B does not give A\'s account B\'s rights', async () => {
      const consoleClient = await connect(broker, broker.consoleOptions());
      const inbox = collect(consoleClient);
      await consoleClient.subscribeAsync(topics.all.alerts, { qos: 1 });
      const spoof = await connect(broker, { ...broker.terminalOptions(A), clientId: B });

      expect(await pubackCode(spoof, topics.alerts(B), '{"forged":true}')).toBe(0x87);
      expect(await pubackCode(spoof, topics.alerts(A), '{"marker":2}')).toBe(0);
      await inbox.until((m) => m.topic === topics.alerts(A));
      expect(inbox.seen.filter((m) => m.topic === topics.alerts(B))).toEqual([]);
    });

    it('terminal A reads its own commands but not B\'s, even through a wildcard', async () => {
      const a = await connect(broker, broker.terminalOptions(A));
      const inbox = collect(a);
      // Mosquitto 2.0 grants the subscription and checks the read ACL per message at delivery.
      await a.subscribeAsync(topics.commands(B), { qos: 1 });
      await a.subscribeAsync('easydo/v1/terminals/+/commands', { qos: 1 });
      await a.subscribeAsync('#', { qos: 1 });

      const consoleClient = await connect(broker, broker.consoleOptions());
      await consoleClient.publishAsync(topics.commands(B), '{"for":"B"}', { qos: 1 });
      await consoleClient.publishAsync(topics.commands(A), '{"for":"A"}', { qos: 1 });
      await inbox.until((m) => m.topic === topics.commands(A));
      // A's own command once per matching subscription, nothing of B's.
      expect(new Set(inbox.seen.map((m) => m.topic))).toEqual(new Set([topics.commands(A)]));
    });

    it('a terminal cannot publish commands, not even to itself', async () => {
      const b = await connect(broker, broker.terminalOptions(B));
      expect(await pubackCode(b, topics.commands(A), '{"forged":true}')).toBe(0x87);
      expect(await pubackCode(b, topics.commands(B), '{"forged":true}')).toBe(0x87);
    });
  });
}

behavesLikeTheFleetAcl('certificate');
behavesLikeTheFleetAcl('password-tls');

describe('who the broker refuses', () => {
  let broker: TestMosquitto;
  let pwBroker: TestMosquitto;
  beforeAll(async () => {
    [broker, pwBroker] = await Promise.all([
      startTestMosquitto({ auth: 'certificate', terminals: [A], persistence: false }),
      startTestMosquitto({ auth: 'password-tls', terminals: [A], persistence: false }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([broker.close(), pwBroker.close()]);
  });

  it('the mTLS broker accepts a certificate of its own CA (the control case)', async () => {
    const ok = await mqtt.connectAsync(broker.url, broker.terminalOptions(A));
    expect(ok.connected).toBe(true);
    await ok.endAsync(true);
  });

  it('a terminal without a client certificate is refused by the mTLS broker', async () => {
    const { cert: _c, key: _k, ...noCert } = broker.terminalOptions(A);
    await expect(mqtt.connectAsync(broker.url, { ...noCert, username: A })).rejects.toThrow();
  });

  it('a certificate from another CA, with the right CN, is refused', async () => {
    const other = makeTestCa(mkdtempSync(path.join(os.tmpdir(), 'easydo-other-ca-')), 'rogue');
    const rogue = other.client(A);
    await expect(mqtt.connectAsync(broker.url, { ...broker.terminalOptions(A), cert: rogue.cert, key: rogue.key })).rejects.toThrow();
  });

  it('a terminal that does not trust the broker\'s certificate does not connect (no silent plaintext, no unverified TLS)', async () => {
    const { ca: _ca, ...noCa } = broker.terminalOptions(A);
    await expect(mqtt.connectAsync(broker.url, noCa)).rejects.toThrow();
  });

  it('with passwords: a wrong password and an unknown account are refused', async () => {
    const opts = pwBroker.terminalOptions(A);
    await expect(mqtt.connectAsync(pwBroker.url, { ...opts, password: 'not-the-password' })).rejects.toThrow(/Not authorized|Bad User Name or Password|refused/i);
    await expect(mqtt.connectAsync(pwBroker.url, { ...opts, username: 'SZ-NOBODY', clientId: 'SZ-NOBODY' })).rejects.toThrow(/Not authorized|Bad User Name or Password|refused/i);
    const ok = await mqtt.connectAsync(pwBroker.url, opts);
    expect(ok.connected).toBe(true);
    await ok.endAsync(true);
  });
});
