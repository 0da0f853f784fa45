// The terminal's fleet agent (the same code runs in the terminal and, with simulated ports, in the load test):
// an mqtt.js MQTT 5 client with a persistent session (clean start off, session expiry a day), so QoS 1 alerts and
// acks published while the broker is away wait in the client and go out after the reconnect, and commands sent
// while the terminal was away wait in the broker. On every connect it publishes its retained state; its Last Will
// is the same state with `online: false`. Heartbeats (QoS 0) are not queued: a stale one says nothing.
// Reconnects are ours, not mqtt.js's fixed period: jittered exponential back-off (backoff.ts), keeping the
// client's message stores so nothing in flight is dropped.
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { Backoff, type BackoffOptions } from './backoff';
import { AlertLedger } from './alert-ledger';
import { AlertTracker } from './alert-tracker';
import { CommandLedger } from './command-ledger';
import { CommandRunner } from './command-runner';
import { buildFleetHeartbeat, serviceMode } from './heartbeat-snapshot';
import type { FleetPorts, Unsubscribe } from './ports';
import { Alert, CommandAck, Heartbeat, TerminalState, Upload, encode, topics, type Location } from './messages';

export interface FleetAgentOptions {
  terminalId: string;
  brokerUrl: string;
  /** TLS material and credentials (ca, cert, key, username, password, servername...). */
  connection?: Pick<IClientOptions, 'ca' | 'cert' | 'key' | 'username' | 'password' | 'servername' | 'rejectUnauthorized'>;
  location: Location;
  mode: 'kiosk' | 'counter';
  version: string;
  heartbeatSeconds: number;
  ports: FleetPorts;
  /** Seen command ids; give it a file in the terminal (at most once across restarts). */
  ledger?: CommandLedger;
  /** Alerts not yet taken by the broker, and the open ones; give it a file in the terminal (none lost across restarts). */
  alertLedger?: AlertLedger;
  backoff?: BackoffOptions;
  /** Session expiry on the broker (seconds): how long commands and queued messages wait for this terminal. */
  sessionExpirySeconds?: number;
  keepaliveSeconds?: number;
  /** How long a connect may wait for the broker's CONNACK before it counts as failed (default 10 s). */
  connectTimeoutMs?: number;
  now?: () => Date;
  log?: (level: 'info' | 'warn', msg: string, detail?: Record<string, unknown>) => void;
  /** Called for every alert the moment it is handed to the client (the load test's clock starts here). */
  onAlert?: (alert: Alert) => void;
  /** Called when the broker acknowledged an alert (PUBACK): from here on it is the broker's to deliver. */
  onAlertAcked?: (alert: Alert) => void;
}

export interface FleetAgentStatus {
  connected: boolean;
  connects: number;
  reconnectAttempts: number;
  heartbeatsSent: number;
  alertsRaised: number;
  commandsExecuted: number;
  lastError: string | null;
}

export class FleetAgent {
  private client: MqttClient | null = null;
  private readonly backoff: Backoff;
  private readonly alerts: AlertTracker;
  private readonly alertLedger: AlertLedger;
  private readonly runner: CommandRunner;
  private readonly now: () => Date;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private unsubscribers: Unsubscribe[] = [];
  private stopping = false;
  private seq = 0;
  private lastState = '';
  private readonly status: FleetAgentStatus = { connected: false, connects: 0, reconnectAttempts: 0, heartbeatsSent: 0, alertsRaised: 0, commandsExecuted: 0, lastError: null };
  private readonly connectedWaiters = new Set<() => void>();
  private readonly heartbeatListeners = new Set<() => void>();

  constructor(private readonly options: FleetAgentOptions) {
    this.now = options.now ?? (() => new Date());
    this.backoff = new Backoff(options.backoff);
    this.alertLedger = options.alertLedger ?? new AlertLedger({ file: null });
    this.alerts = new AlertTracker(options.terminalId, () => this.now().getTime(), this.now, this.alertLedger.open());
    const ledger = options.ledger ?? new CommandLedger({ file: null });
    this.runner = new CommandRunner(
      options.terminalId,
      options.ports,
      ledger,
      {
        ack: (ack) => this.publish(topics.acks(options.terminalId), encode(CommandAck, 'acks', ack), 1),
        upload: (u) => this.publish(topics.upload(options.terminalId, u.commandId), encode(Upload, 'uploads', u), 1),
        stateChanged: () => this.publishState(),
      },
      this.now,
      (msg, detail) => this.log('info', msg, detail),
    );
  }

  get terminalId(): string {
    return this.options.terminalId;
  }

  view(): FleetAgentStatus {
    return { ...this.status, alertsRaised: this.alerts.raised(), commandsExecuted: this.runner.commandsExecuted };
  }

  private log(level: 'info' | 'warn', msg: string, detail?: Record<string, unknown>): void {
    this.options.log?.(level, msg, { terminalId: this.options.terminalId, ...detail });
  }

  /** The state as published now (online unless `online` says otherwise). */
  state(online = true): TerminalState {
    const { ports } = this.options;
    const service = ports.devices.serviceState();
    return {
      terminalId: this.options.terminalId,
      online,
      service: serviceMode(service, ports.sessions.isOpen()),
      serviceReason: service.manual ? toCode(service.manual.reason) : service.inService ? null : toCode(service.reasons[0]?.code ?? 'devices'),
      version: this.options.version,
      configVersion: ports.config.version(),
      mode: this.options.mode,
      location: this.options.location,
      at: this.now().toISOString(),
    };
  }

  private willPayload(): string {
    return encode(TerminalState, 'state', this.state(false));
  }

  /** Connects (and keeps reconnecting); resolves once, when first connected or when `stop` is called. */
  start(): Promise<void> {
    const o = this.options;
    const client = mqtt.connect(o.brokerUrl, {
      ...o.connection,
      clientId: o.terminalId,
      protocolVersion: 5,
      clean: false,
      properties: { sessionExpiryInterval: o.sessionExpirySeconds ?? 86_400 },
      keepalive: o.keepaliveSeconds ?? 30,
      reconnectPeriod: 0,
      connectTimeout: o.connectTimeoutMs ?? 10_000,
      queueQoSZero: false,
      resubscribe: false,
      will: { topic: topics.state(o.terminalId), payload: Buffer.from(this.willPayload()), qos: 1, retain: true },
    });
    this.client = client;
    client.on('connect', () => {
      this.status.connected = true;
      this.status.connects += 1;
      this.status.lastError = null;
      this.backoff.reset();
      // Always subscribe: a broker that lost the session (restarted without persistence) forgot it.
      client.subscribe(topics.commands(o.terminalId), { qos: 1 }, (err) => {
        if (err) this.log('warn', 'fleet: subscribing to commands failed', { err: err.message });
      });
      this.lastState = '';
      void this.publishState();
      for (const w of this.connectedWaiters) w();
      this.connectedWaiters.clear();
    });
    client.on('message', (topic, payload) => {
      if (topic === topics.commands(o.terminalId)) void this.runner.receive(topic, payload);
    });
    client.on('error', (err) => {
      this.status.lastError = err.message;
    });
    client.on('close', () => {
      const was = this.status.connected;
      this.status.connected = false;
      if (was) this.log('warn', 'fleet: broker connection lost');
      this.scheduleReconnect();
    });

    const { ports } = o;
    this.unsubscribers.push(ports.devices.onChange(() => this.devicesChanged()));
    this.unsubscribers.push(ports.sessions.onChange(() => void this.publishState()));
    this.heartbeatTimer = setInterval(() => void this.heartbeatNow(), o.heartbeatSeconds * 1000);
    this.heartbeatTimer.unref?.();
    // What an earlier run could not hand to the broker goes first, in its order, then what is true now.
    for (const alert of this.alertLedger.pending()) this.send(alert);
    this.devicesChanged();
    return this.connected();
  }

  /** Resolves when connected now or next (or when stopping). */
  connected(): Promise<void> {
    if (this.status.connected || this.stopping) return Promise.resolve();
    return new Promise((resolve) => this.connectedWaiters.add(resolve));
  }

  private scheduleReconnect(): void {
    const client = this.client;
    if (this.stopping || !client || this.reconnectTimer) return;
    const delay = this.backoff.next();
    this.status.reconnectAttempts += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.stopping) return;
      // The stores go along: QoS 1 messages not yet acknowledged by the broker are sent again after the reconnect.
      client.reconnect({ incomingStore: client.incomingStore, outgoingStore: client.outgoingStore });
    }, delay);
  }

  private publish(topic: string, payload: string, qos: 0 | 1, retain = false): Promise<void> {
    const client = this.client;
    if (!client) return Promise.reject(new Error('fleet agent not started'));
    return new Promise((resolve, reject) => {
      client.publish(topic, payload, { qos, retain }, (err) => (err ? reject(err) : resolve()));
    });
  }

  /** Publishes the retained state if it changed, and keeps the Last Will in step for the next connect. */
  publishState(): Promise<void> {
    const client = this.client;
    if (!client) return Promise.resolve();
    const state = this.state(true);
    const { at: _at, ...comparable } = state;
    const key = JSON.stringify(comparable);
    if (client.options.will) client.options.will.payload = Buffer.from(this.willPayload());
    if (!this.status.connected || key === this.lastState) return Promise.resolve();
    this.lastState = key;
    return this.publish(topics.state(this.options.terminalId), encode(TerminalState, 'state', state), 1, true).catch((e: unknown) => {
      this.lastState = '';
      this.log('warn', 'fleet: state publish failed', { err: e instanceof Error ? e.message : String(e) });
    });
  }

  private devicesChanged(): void {
    const raised = this.alerts.update(this.options.ports.devices.list());
    if (raised.length) this.alertLedger.record(raised, this.alerts.openAlerts());
    for (const alert of raised) this.raise(alert);
    void this.publishState();
  }

  /** Hands an alert to the client at once (QoS 1: queued in the client while the broker is away). */
  private raise(alert: Alert): void {
    this.options.onAlert?.(alert);
    this.send(alert);
  }

  private send(alert: Alert): void {
    this.publish(topics.alerts(this.options.terminalId), encode(Alert, 'alerts', alert), 1).then(
      () => {
        this.alertLedger.delivered(alert);
        this.options.onAlertAcked?.(alert);
      },
      (e: unknown) => {
        this.log('warn', 'fleet: alert publish failed', { code: alert.code, err: e instanceof Error ? e.message : String(e) });
      },
    );
  }

  heartbeat(): Heartbeat {
    return buildFleetHeartbeat(this.options.ports, {
      terminalId: this.options.terminalId,
      seq: this.seq,
      intervalSeconds: this.options.heartbeatSeconds,
      commandsExecuted: this.runner.commandsExecuted,
      alertsRaised: this.alerts.raised(),
      at: this.now(),
    });
  }

  /** Sends a heartbeat now when connected (QoS 0; dropped, not queued, while offline). */
  async heartbeatNow(): Promise<boolean> {
    if (!this.status.connected) return false;
    const hb = this.heartbeat();
    this.seq += 1;
    const sent = await this.publish(topics.heartbeat(this.options.terminalId), encode(Heartbeat, 'heartbeat', hb), 0).then(() => true, () => false);
    this.status.heartbeatsSent += 1;
    if (sent) for (const l of this.heartbeatListeners) l();
    return true;
  }

  /** Called each time a heartbeat was handed to the broker's connection (the update health probe's mark). */
  onHeartbeatDelivered(listener: () => void): Unsubscribe {
    this.heartbeatListeners.add(listener);
    return () => this.heartbeatListeners.delete(listener);
  }

  /** Clean stop: the retained state says offline (no Last Will needed), then disconnect. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const u of this.unsubscribers.splice(0)) u();
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    for (const w of this.connectedWaiters) w();
    this.connectedWaiters.clear();
    const client = this.client;
    if (!client) return;
    if (this.status.connected) {
      await Promise.race([
        this.publish(topics.state(this.options.terminalId), encode(TerminalState, 'state', this.state(false)), 1, true).catch(() => undefined),
        new Promise((r) => setTimeout(r, 2000)),
      ]);
    }
    await client.endAsync(!this.status.connected);
  }

  /** For tests and the load test: drop the connection without a DISCONNECT (the broker sends the Last Will). */
  abort(): void {
    this.client?.stream?.destroy();
  }
}

/** A reason that is a code travels as is; free text (an admin's words for residents) travels as `manual`. */
function toCode(text: string): string {
  return /^[A-Za-z0-9_.:-]{1,64}$/.test(text) ? text : 'manual';
}
