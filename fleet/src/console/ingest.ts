// The console's MQTT side: subscribes as the console's own broker user, validates every message with the fleet's
// zod schemas, writes what it learns to the store and tells the hub. Heartbeats are written in batches (one
// transaction per flush); states, alerts and acks at once, since an operator waits for them.
//
// Retained messages never arrive on a shared subscription (MQTT 5, 4.8.2), so `state` is subscribed plainly by
// every replica (idempotent upserts); heartbeats, alerts, acks and uploads go through `$share/<group>/...` so
// console replicas split that load when the broker supports it (Mosquitto 2, EMQX, VerneMQ; not aedes).
import { hostname } from 'node:os';
import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import {
  Alert,
  Command,
  CommandAck,
  FleetMessageError,
  Heartbeat,
  TerminalState,
  Upload,
  decode,
  encode,
  parseTopic,
  topics,
} from '@easydo/core/services/fleet/messages';
import type { Hub } from './hub';
import type { FleetStore, HeartbeatWrite } from './store';
import { StoreRetry } from './store-retry';

/** What became of one message: written (or refused for good), or left unacknowledged for the broker to redeliver. */
export type MessageOutcome = 'done' | 'redeliver';

export interface BrokerOptions {
  url: string;
  username?: string;
  password?: string;
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
  /** Stable per replica, so the broker keeps the session (and QoS 1 messages) while the console is away (default: per host). */
  clientId?: string;
  /** 5 (default) or 4 for brokers without MQTT 5 (the embedded aedes). */
  protocolVersion?: 4 | 5;
  /** `$share` group name; null subscribes plainly (required where the broker lacks shared subscriptions). */
  sharedGroup?: string | null;
  /** Further mqtt.js options (TLS servername...), applied before the console's own session settings. */
  clientOptions?: IClientOptions;
}

export interface IngestStats {
  connected: boolean;
  received: number;
  rejected: number;
  /** Messages the store failed to write (each left unacknowledged, or parked after repeated failures). */
  storeFailures: number;
  /** Messages given up on after repeated store failures. */
  parked: number;
  /** The last few rejections: topic and the schema's issues (payloads are never kept). */
  lastRejections: { topic: string; reason: string; at: string }[];
}

/** One history point per terminal per this long (24 h at one a minute is 1,440 points). */
const SAMPLE_MS = 60_000;
const FLUSH_MS = 250;
const FLUSH_MAX = 2000;

export class Ingest {
  private client: MqttClient | null = null;
  private readonly pending: HeartbeatWrite[] = [];
  private readonly lastSample = new Map<string, number>();
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private readonly counts = { received: 0, rejected: 0, storeFailures: 0, parked: 0 };
  private readonly retry = new StoreRetry();
  private readonly rejections: IngestStats['lastRejections'] = [];

  constructor(
    private readonly store: FleetStore,
    private readonly hub: Hub,
    private readonly options: BrokerOptions,
    private readonly now: () => number = Date.now,
  ) {}

  async start(): Promise<void> {
    const o = this.options;
    const version = o.protocolVersion ?? 5;
    const opts: IClientOptions = {
      connectTimeout: 10_000,
      keepalive: 30,
      ...o.clientOptions,
      ...(o.username !== undefined ? { username: o.username } : {}),
      ...(o.password !== undefined ? { password: o.password } : {}),
      ...(o.ca ? { ca: o.ca } : {}),
      ...(o.cert ? { cert: o.cert } : {}),
      ...(o.key ? { key: o.key } : {}),
      // Stable across restarts (not per process): a new id would start a new session and strand the queued messages.
      clientId: o.clientId ?? o.clientOptions?.clientId ?? `easydo-console-${hostname()}`,
      protocolVersion: version,
      // A kept session: QoS 1 alerts and acks wait in the broker while the console restarts or reconnects.
      clean: false,
      reconnectPeriod: 1000,
      ...(version === 5 ? { properties: { sessionExpiryInterval: 24 * 3600 } } : {}),
    };
    const client = connect(o.url, opts);
    // The handler is in place before the CONNACK: a kept session's queued messages (alerts raised while the console
    // was down) follow it at once, and a 'message' listener added after connecting lost them. A QoS 1 message is
    // acknowledged (PUBACK) only once onMessage has written it to the store.
    client.handleMessage = (packet, done) => {
      void this.onMessage(packet.topic, Buffer.from(packet.payload)).then((outcome) => {
        if (outcome === 'done') return done();
        // No PUBACK: drop the connection; the broker sends the message again to the kept session once mqtt.js
        // reconnects (reconnectPeriod apart, so a failing store is not hammered).
        client.stream.destroy();
      });
    };
    await new Promise<void>((resolve, reject) => {
      const failed = (err: Error) => {
        client.removeListener('connect', connected);
        client.end(true);
        reject(err);
      };
      const connected = () => {
        client.removeListener('error', failed);
        resolve();
      };
      client.once('connect', connected);
      client.once('error', failed);
    });
    this.client = client;
    const share = (t: string) => (o.sharedGroup ? `$share/${o.sharedGroup}/${t}` : t);
    const granted = await client.subscribeAsync({
      [topics.all.state]: { qos: 1 },
      [share(topics.all.heartbeat)]: { qos: 0 },
      [share(topics.all.alerts)]: { qos: 1 },
      [share(topics.all.acks)]: { qos: 1 },
      [share(topics.all.uploads)]: { qos: 1 },
    });
    const refused = granted.filter((g) => g.qos > 2);
    if (refused.length) throw new Error(`broker refused subscriptions: ${refused.map((g) => g.topic).join(', ')}`);
    this.flushTimer = setInterval(() => void this.flush(), FLUSH_MS);
  }

  stats(): IngestStats {
    return { connected: this.client?.connected ?? false, ...this.counts, lastRejections: [...this.rejections] };
  }

  /** Publishes a command to its terminal (QoS 1: held by the broker for a terminal that is away). */
  async publishCommand(terminalId: string, command: Command): Promise<void> {
    if (!this.client) throw new Error('console is not connected to the broker');
    await this.client.publishAsync(topics.commands(terminalId), encode(Command, topics.commands(terminalId), command), { qos: 1 });
  }

  async close(): Promise<void> {
    if (this.flushTimer) clearInterval(this.flushTimer);
    await this.flush();
    await this.client?.endAsync().catch(() => undefined);
    this.client = null;
  }

  /** Writes buffered heartbeats now (tests and shutdown). */
  async flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      while (this.pending.length) {
        const batch = this.pending.splice(0, FLUSH_MAX);
        try {
          await this.store.putHeartbeats(batch);
        } catch (e) {
          // Heartbeats are QoS 0 and the next one comes within a minute: this batch is dropped, but a failed write
          // must not leave the chain rejected (every later flush would fail at once).
          this.counts.storeFailures += 1;
          this.reject('heartbeats', `store failed for ${batch.length} heartbeats: ${(e as Error).message}`);
          continue;
        }
        for (const id of new Set(batch.map((w) => w.heartbeat.terminalId))) this.hub.emit('terminal', id);
      }
    });
    return this.flushing;
  }

  private reject(topic: string, reason: string): void {
    this.counts.rejected += 1;
    this.rejections.unshift({ topic, reason: reason.slice(0, 300), at: new Date(this.now()).toISOString() });
    this.rejections.length = Math.min(this.rejections.length, 20);
  }

  /** Exposed for tests: the same path a broker message takes. */
  async onMessage(topic: string, payload: Buffer): Promise<MessageOutcome> {
    const key = StoreRetry.key(topic, payload);
    try {
      await this.handle(topic, payload);
      this.retry.succeeded(key);
      return 'done';
    } catch (e) {
      this.counts.storeFailures += 1;
      const { decision, failures } = this.retry.failed(key);
      if (decision === 'redeliver') return 'redeliver';
      this.counts.parked += 1;
      this.reject(topic, `parked after ${failures} store failures: ${(e as Error).message}`);
      try {
        await this.store.parkMessage?.({ topic, payload, failures, lastError: (e as Error).message.slice(0, 500), at: new Date(this.now()).toISOString() });
      } catch {
        // The store that keeps failing may refuse this too: the count and the rejection above still say so.
      }
      return 'done';
    }
  }

  /** Validates and stores one message; throws only when the store failed (the message may be redelivered). */
  private async handle(topic: string, payload: Buffer): Promise<void> {
    this.counts.received += 1;
    const where = parseTopic(topic);
    if (!where || where.kind === 'commands') return this.reject(topic, 'not a topic the console reads');
    try {
      const checkId = (id: string) => {
        if (id !== where.terminalId) throw new FleetMessageError(topic, [{ path: 'terminalId', message: 'does not match the topic' }]);
      };
      switch (where.kind) {
        case 'state': {
          const s = decode(TerminalState, topic, payload);
          checkId(s.terminalId);
          await this.store.putState(s);
          this.hub.emit('state', s.terminalId);
          this.hub.emit('terminal', s.terminalId);
          return;
        }
        case 'heartbeat': {
          const h = decode(Heartbeat, topic, payload);
          checkId(h.terminalId);
          const nowMs = this.now();
          const last = this.lastSample.get(h.terminalId) ?? 0;
          const sample = nowMs - last >= SAMPLE_MS;
          if (sample) this.lastSample.set(h.terminalId, nowMs);
          this.pending.push({ heartbeat: h, sample });
          if (this.pending.length >= FLUSH_MAX) void this.flush();
          return;
        }
        case 'alerts': {
          const a = decode(Alert, topic, payload);
          checkId(a.terminalId);
          const result = await this.store.putAlert(a, new Date(this.now()).toISOString());
          if (result === 'duplicate') return;
          const record = await this.store.getAlert(a.terminalId, a.id);
          if (record) this.hub.emit('alert', record);
          this.hub.emit('terminal', a.terminalId);
          return;
        }
        case 'acks': {
          const ack = decode(CommandAck, topic, payload);
          checkId(ack.terminalId);
          const record = await this.store.applyAck(ack);
          if (!record) return this.reject(topic, `ack for a command this console did not send (${ack.commandId})`);
          this.hub.emit('command', record);
          if (ack.result?.service || ack.result?.configVersion) this.hub.emit('terminal', ack.terminalId);
          return;
        }
        case 'uploads': {
          const u = decode(Upload, topic, payload);
          checkId(u.terminalId);
          if (u.commandId !== where.commandId) throw new FleetMessageError(topic, [{ path: 'commandId', message: 'does not match the topic' }]);
          const bytes = Buffer.from(u.base64, 'base64');
          if (bytes.length !== u.bytes) throw new FleetMessageError(topic, [{ path: 'bytes', message: `says ${u.bytes}, carries ${bytes.length}` }]);
          const command = await this.store.getCommand(u.commandId);
          if (!command || command.terminalId !== u.terminalId || (command.name !== 'logBundle' && command.name !== 'screenshot')) {
            return this.reject(topic, 'upload for no logBundle/screenshot command of this terminal');
          }
          await this.store.putUpload({ commandId: u.commandId, terminalId: u.terminalId, fileName: u.fileName, contentType: u.contentType, bytes, at: u.at });
          this.hub.emit('command', command);
          return;
        }
      }
    } catch (e) {
      if (e instanceof FleetMessageError) return this.reject(topic, e.message);
      throw e;
    }
  }
}
