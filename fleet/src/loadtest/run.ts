// The fleet load test: N real agents (simulated devices) in a few child processes against one broker, observed by
// a console-account subscriber. Phases, each bounded in time: connect all; steady heartbeats with every terminal's
// paper running low and recovering once (alert latency); broker killed (SIGKILL) and restarted, with alerts raised
// during the outage (time until every terminal is back and has said so, alerts lost); then figures.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Probe } from './probe';
import { startOwnBroker, type OwnBroker } from './own-broker';
import { summary } from './stats';
import type { FromWorker, ToWorker } from './protocol';
import { CONSOLE_USER } from '../broker/mosquitto-conf';

export interface LoadtestOptions {
  terminals: number;
  /** null: start our own Mosquitto (and kill/restart it unless `restart` is false). */
  brokerUrl: string | null;
  restart: boolean;
  durationSeconds: number;
  heartbeatSeconds: number;
  workers: number;
  connectPerSecond: number;
  connectTimeoutMs: number;
  consolePassword: string | null;
  terminalPassword: string | null;
  log: (line: string) => void;
}

export interface LoadtestResult {
  terminals: number;
  connected: number;
  connectAllMs: number | null;
  alertP50Ms: number | null;
  alertP99Ms: number | null;
  alertMaxMs: number | null;
  alertsMeasured: number;
  alertsRaised: number;
  /** Acknowledged by the broker (PUBACK) but never seen by the console. */
  alertsLost: number;
  /** Still queued in a terminal's client when the bounded run ended (its terminal not back yet): not lost, late. */
  alertsPendingAtEnd: number;
  alertsDuplicated: number;
  invalidMessages: number;
  reconnectAllMs: number | null;
  reconnectFromKillMs: number | null;
  outageAlertsDeliveredMs: number | null;
  heartbeatSeconds: number;
  brokerMsgsPerSec: number;
  cityHeartbeatMsgsPerSec: number;
  ratioToCityHeartbeat: number;
  consoleCpuPercent: number;
  consoleRssMb: number;
  brokerRssMb: number | null;
  brokerRssAfterRestartMb: number | null;
  brokerCpuPercent: number | null;
  agentProcesses: number;
  agentRssMb: number;
  measuredAt: 'subscriber';
  restart: boolean;
  completed: boolean;
  notes: string[];
}

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;

class Workers {
  readonly children: ChildProcess[] = [];
  readonly connected: number[] = [];
  private reports: Array<Extract<FromWorker, { type: 'report' }> | null> = [];

  async spawn(count: number): Promise<void> {
    const ready: Array<Promise<void>> = [];
    for (let i = 0; i < count; i++) {
      const child = fork(WORKER, [], { execArgv: ['--import', 'tsx', '--max-old-space-size=4096'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      this.children.push(child);
      this.connected.push(0);
      this.reports.push(null);
      ready.push(new Promise((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`agent process ${i} exited (${code}) before it was ready`)));
        child.on('message', (m: FromWorker) => {
          if (m.type === 'ready') resolve();
          else if (m.type === 'progress') this.connected[i] = m.connected;
          else if (m.type === 'report') {
            this.connected[i] = m.connected;
            this.reports[i] = m;
          }
        });
      }));
    }
    await Promise.all(ready);
  }

  send(i: number, m: ToWorker): void {
    this.children[i]!.send(m);
  }

  broadcast(m: ToWorker): void {
    for (const c of this.children) c.send(m);
  }

  totalConnected(): number {
    return this.connected.reduce((a, b) => a + b, 0);
  }

  async report(): Promise<Array<Extract<FromWorker, { type: 'report' }>>> {
    this.reports = this.reports.map(() => null);
    this.broadcast({ type: 'report' });
    const deadline = Date.now() + 30_000;
    while (this.reports.some((r) => r === null) && Date.now() < deadline) await pause(50);
    return this.reports.filter((r): r is Extract<FromWorker, { type: 'report' }> => r !== null);
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null) return resolve();
            const t = setTimeout(() => {
              c.kill('SIGKILL');
              resolve();
            }, 8000);
            c.once('exit', () => {
              clearTimeout(t);
              resolve();
            });
            c.send({ type: 'stop' });
          }),
      ),
    );
  }
}

/** Waits until `done()` or the deadline; returns the elapsed ms, or null at the deadline. */
async function waitFor(done: () => boolean, timeoutMs: number, probe: Probe): Promise<number | null> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > timeoutMs) return null;
    await probe.tick(100);
  }
  return Date.now() - start;
}

export async function runLoadtest(o: LoadtestOptions): Promise<LoadtestResult> {
  const notes: string[] = [];
  const ids = Array.from({ length: o.terminals }, (_, i) => `SZ-LT-${String(i + 1).padStart(5, '0')}`);
  const own: OwnBroker | null = o.brokerUrl ? null : await startOwnBroker(ids);
  const brokerUrl = own?.url ?? o.brokerUrl!;
  const restart = own !== null && o.restart;
  if (!own && o.restart) notes.push('the broker is not the load test\'s own: not restarted');
  o.log(`broker ${brokerUrl}${own ? ` (own mosquitto, pid ${own.broker.pid})` : ''}; ${o.terminals} terminals in ${o.workers} agent processes`);

  const probe = new Probe(brokerUrl, {
    clientId: `loadtest-console-${process.pid}`,
    username: CONSOLE_USER,
    password: own?.console.password ?? o.consolePassword ?? undefined,
  });
  await probe.connect();
  const workers = new Workers();
  const cpu0 = process.cpuUsage();
  const wall0 = Date.now();
  let result: LoadtestResult | null = null;
  try {
    await workers.spawn(o.workers);
    const t0 = Date.now();
    const per = Math.ceil(ids.length / o.workers);
    for (let i = 0; i < o.workers; i++) {
      workers.send(i, {
        type: 'start',
        ids: ids.slice(i * per, (i + 1) * per),
        brokerUrl,
        passwordSecret: own?.passwordSecret ?? null,
        sharedPassword: o.terminalPassword,
        ca: null,
        heartbeatSeconds: o.heartbeatSeconds,
        connectPerSecond: o.connectPerSecond / o.workers,
        connectTimeoutMs: o.connectTimeoutMs,
      });
    }
    const connectBudget = Math.max(300_000, (o.terminals / o.connectPerSecond) * 3000);
    const connectAllMs = await waitFor(() => workers.totalConnected() >= o.terminals && probe.onlineSince(t0) >= o.terminals, connectBudget, probe);
    o.log(connectAllMs === null ? `not all connected within ${connectBudget} ms: ${workers.totalConnected()} agents, ${probe.onlineSince(t0)} online states` : `all ${o.terminals} connected and online at the console in ${connectAllMs} ms`);

    // Steady: heartbeats plus one paper-low alert and its clearing per terminal.
    const steadyMs = o.durationSeconds * 1000;
    const msgs0 = probe.messages;
    const brokerCpu0 = own?.broker.cpuMs() ?? null;
    const steady0 = Date.now();
    const clearAfterMs = Math.min(3000, steadyMs * 0.2);
    workers.broadcast({ type: 'alerts', windowMs: steadyMs * 0.6, clearAfterMs });
    await pause(steadyMs);
    const steadyElapsed = Date.now() - steady0;
    const brokerMsgsPerSec = ((probe.messages - msgs0) * 1000) / steadyElapsed;
    const brokerCpu1 = own?.broker.cpuMs() ?? null;
    const brokerCpuPercent = brokerCpu0 !== null && brokerCpu1 !== null ? Math.round(((brokerCpu1 - brokerCpu0) / steadyElapsed) * 1000) / 10 : null;
    const brokerRss = own?.broker.rssBytes() ?? null;
    const steadyLatencies = summary(probe.latencies.filter((l) => l.receivedAt >= steady0).map((l) => l.latencyMs));
    o.log(`steady ${Math.round(steadyElapsed / 1000)} s: ${Math.round(brokerMsgsPerSec)} msg/s delivered to the console; alerts p50 ${steadyLatencies.p50} ms p99 ${steadyLatencies.p99} ms (${steadyLatencies.count})`);

    let reconnectAllMs: number | null = null;
    let reconnectFromKillMs: number | null = null;
    let outageAlertsDeliveredMs: number | null = null;
    let brokerRssAfterRestart: number | null = null;
    let ackedBeforeKill = new Set<string>();
    if (restart && own) {
      await pause(Math.max(0, clearAfterMs + 500)); // the last clearings go out before the cut
      await pause(6000); // past one autosave, so the console's session is in the broker's file
      const beforeKill = await workers.report();
      ackedBeforeKill = new Set(beforeKill.flatMap((r) => r.acked));
      const tKill = Date.now();
      await own.broker.kill();
      o.log('broker killed (SIGKILL); every terminal raises an alert during the outage');
      workers.broadcast({ type: 'alerts', windowMs: 1500, clearAfterMs: 10 * 60_000 });
      await pause(2000);
      await own.broker.start(30_000);
      const tUp = Date.now();
      const back = await waitFor(() => workers.totalConnected() >= o.terminals && probe.connected && probe.onlineSince(tUp) >= o.terminals, 300_000, probe);
      reconnectAllMs = back;
      reconnectFromKillMs = back === null ? null : back + (tUp - tKill);
      o.log(back === null ? `not all back within 300 s: ${workers.totalConnected()} agents, ${probe.onlineSince(tUp)} online states` : `all ${o.terminals} back and online at the console ${back} ms after the broker was up (${reconnectFromKillMs} ms after the kill)`);
      const raisedNow = new Set((await workers.report()).flatMap((r) => r.raised));
      outageAlertsDeliveredMs = await waitFor(() => [...raisedNow].every((k) => probe.alerts.has(k)), 60_000, probe);
      if (outageAlertsDeliveredMs !== null && back !== null) outageAlertsDeliveredMs += back;
      brokerRssAfterRestart = own.broker.rssBytes();
    } else {
      await pause(clearAfterMs + 1000);
    }

    const reports = await workers.report();
    const raised = new Set(reports.flatMap((r) => r.raised));
    // Wait a little for the last alerts in flight before counting the lost ones.
    await waitFor(() => [...raised].every((k) => probe.alerts.has(k)), 15_000, probe);
    const acked = new Set(reports.flatMap((r) => r.acked));
    const lost = [...acked].filter((k) => !probe.alerts.has(k)).length;
    const pending = [...raised].filter((k) => !acked.has(k) && !probe.alerts.has(k)).length;
    const lostBeforeKill = [...ackedBeforeKill].filter((k) => !probe.alerts.has(k)).length;
    if (restart) {
      const after = probe.connects.slice(1);
      notes.push(`console subscriber reconnects after the restart: ${after.map((c) => (c.sessionPresent ? 'session kept' : 'session lost')).join(', ') || 'none'}`);
      notes.push(`alerts lost among those the broker acknowledged before the kill: ${lostBeforeKill}; after: ${lost - lostBeforeKill}`);
    }
    const connected = reports.reduce((a, r) => a + r.connected, 0);
    const cpu = process.cpuUsage(cpu0);
    const wall = Date.now() - wall0;
    const cityRate = o.terminals / 60;
    result = {
      terminals: o.terminals,
      connected,
      connectAllMs,
      alertP50Ms: steadyLatencies.p50,
      alertP99Ms: steadyLatencies.p99,
      alertMaxMs: steadyLatencies.max,
      alertsMeasured: steadyLatencies.count,
      alertsRaised: raised.size,
      alertsLost: lost,
      alertsPendingAtEnd: pending,
      alertsDuplicated: probe.duplicates,
      invalidMessages: probe.invalid,
      reconnectAllMs,
      reconnectFromKillMs,
      outageAlertsDeliveredMs,
      heartbeatSeconds: o.heartbeatSeconds,
      brokerMsgsPerSec: Math.round(brokerMsgsPerSec),
      cityHeartbeatMsgsPerSec: Math.round(cityRate * 10) / 10,
      ratioToCityHeartbeat: Math.round((brokerMsgsPerSec / cityRate) * 100) / 100,
      consoleCpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / wall) * 1000) / 10,
      consoleRssMb: mb(process.memoryUsage().rss),
      brokerRssMb: brokerRss === null ? null : mb(brokerRss),
      brokerRssAfterRestartMb: brokerRssAfterRestart === null ? null : mb(brokerRssAfterRestart),
      brokerCpuPercent,
      agentProcesses: o.workers,
      agentRssMb: mb(reports.reduce((a, r) => a + r.rssBytes, 0)),
      measuredAt: 'subscriber',
      restart,
      completed: connectAllMs !== null && (!restart || reconnectAllMs !== null),
      notes: [...notes, 'alert latency and loss measured at a console-account MQTT subscriber (persistent session), not through the console service API'],
    };
    return result;
  } finally {
    await workers.stop();
    await probe.close();
    await own?.close();
  }
}
