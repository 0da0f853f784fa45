// The load test's observer when it measures at a subscriber: one MQTT client on the console account with a
// persistent session (what a console replica runs), validating every message with the fleet schemas. It keeps
// the latest state per terminal, the first arrival of every alert (latency = arrival - the alert's `at`), and
// the number of messages per second it receives.
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { Alert, TerminalState, decode, parseTopic, topics } from '@easydo/core/services/fleet/messages';
import { alertKey } from './protocol';

export class Probe {
  private client: MqttClient | null = null;
  readonly states = new Map<string, { online: boolean; at: number }>();
  readonly alerts = new Map<string, number>();
  readonly latencies: Array<{ receivedAt: number; latencyMs: number }> = [];
  messages = 0;
  /** Every (re)connect of the probe: did the broker still hold its session? */
  readonly connects: Array<{ at: number; sessionPresent: boolean }> = [];
  invalid = 0;
  duplicates = 0;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly url: string,
    private readonly options: IClientOptions,
  ) {}

  async connect(): Promise<void> {
    const client = mqtt.connect(this.url, { ...this.options, protocolVersion: 5, clean: false, properties: { sessionExpiryInterval: 3600 }, reconnectPeriod: 250, resubscribe: false });
    this.client = client;
    client.on('message', (topic, payload) => this.onMessage(topic, payload));
    client.on('error', () => undefined);
    client.on('connect', (connack) => {
      this.connects.push({ at: Date.now(), sessionPresent: Boolean(connack.sessionPresent) });
      if (!connack.sessionPresent) client.subscribe([topics.all.state, topics.all.alerts, topics.all.heartbeat], { qos: 1 });
    });
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  }

  private onMessage(topic: string, payload: Buffer): void {
    const now = Date.now();
    this.messages += 1;
    const t = parseTopic(topic);
    if (!t) return;
    try {
      if (t.kind === 'state') {
        const s = decode(TerminalState, topic, payload);
        this.states.set(t.terminalId, { online: s.online, at: Date.parse(s.at) });
      } else if (t.kind === 'alerts') {
        const a = decode(Alert, topic, payload);
        const key = alertKey(a.id, a.cleared);
        if (this.alerts.has(key)) this.duplicates += 1;
        else {
          this.alerts.set(key, now);
          this.latencies.push({ receivedAt: now, latencyMs: now - Date.parse(a.at) });
        }
      }
    } catch {
      this.invalid += 1;
    }
    if (this.waiters.length) for (const w of this.waiters.splice(0)) w();
  }

  /** Terminals whose latest state says online and was published at or after `since` (a retained state from
   *  before a broker restart does not count: it may say online for a terminal that is not back). */
  onlineSince(since: number): number {
    let n = 0;
    for (const s of this.states.values()) if (s.online && s.at >= since) n += 1;
    return n;
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  /** Resolves at the next message (or after `ms`). */
  tick(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    await this.client?.endAsync(true);
  }
}
