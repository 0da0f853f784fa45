// The fleet load test: N real agents (simulated devices) in a few child processes against one broker, and the real
// fleet console (its own process, SQLite in a temp folder, the console's broker account) observed through its API
// by a signed-in operator (live feed + REST). Phases, each bounded in time: connect all (every terminal online in
// the console's API); steady heartbeats with every terminal's paper running low and recovering once (alert raised
// → visible on the console's live feed); broker killed (SIGKILL) and restarted, with alerts raised during the
// outage (time until every terminal is back online in the console's API, alerts lost); then figures.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { ConsoleObserver } from './console-observer';
import { startOwnBroker, type OwnBroker } from './own-broker';
import { summary } from './stats';
import type { FromConsole, FromWorker, ToConsole, ToWorker } from './protocol';
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
  /** Raised alerts: the alert's `at` → the console's receipt (its own stamp), i.e. terminal → broker → console ingest. */
  alertToConsoleP50Ms: number | null;
  alertToConsoleP99Ms: number | null;
  /** Raised alerts in the steady phase: the alert's `at` → the broker's PUBACK back at the terminal. */
  alertBrokerAckP50Ms: number | null;
  alertBrokerAckP99Ms: number | null;
  /** Agent processes' CPU over the steady phase, % of one core each (above ~90 % they, not the console, set the pace). */
  agentCpuSteadyPercent: number[];
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
  /** Alerts and terminal states read through the console's API: its SSE live feed and GET /api/terminals/{id}. */
  measuredAt: 'console-api';
  /** Console process CPU (% of one core) over the steady phase and over the whole run. */
  consoleCpuSteadyPercent: number;
  consoleRssMaxMb: number;
  consoleMsgsReceived: number;
  consoleApiReads: number;
  /** The console's worst-first list at the end: terminals it holds and how many say online. */
  consoleListTotal: number | null;
  consoleListOnline: number | null;
  restart: boolean;
  completed: boolean;
  notes: string[];
}

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const CONSOLE = fileURLToPath(new URL('./console-process.ts', import.meta.url));
type ConsoleUsage = Extract<FromConsole, { type: 'usage' }>;

/** The console in its own process, so its CPU and memory are measured apart from the agents and the observer. */
class ConsoleProcess {
  private child: ChildProcess | null = null;
  private next: ((m: FromConsole) => void) | null = null;
  rssMax = 0;

  private ask<T extends FromConsole['type']>(m: ToConsole | null, type: T, timeoutMs: number): Promise<Extract<FromConsole, { type: T }>> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`console process did not answer ${type} in ${timeoutMs} ms`)), timeoutMs);
      this.next = (a) => {
        if (a.type !== type) return;
        clearTimeout(t);
        this.next = null;
        resolve(a as Extract<FromConsole, { type: T }>);
      };
      if (m) this.child!.send(m);
    });
  }

  async start(m: Extract<ToConsole, { type: 'start' }>): Promise<string> {
    const child = fork(CONSOLE, [], { execArgv: ['--import', 'tsx', '--max-old-space-size=4096'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child = child;
    child.on('message', (a: FromConsole) => this.next?.(a));
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`console process exited (${code})`))));
    exited.catch(() => undefined);
    await Promise.race([this.ask(null, 'ready', 60_000), exited]);
    return (await Promise.race([this.ask(m, 'started', 60_000), exited])).url;
  }

  async usage(): Promise<ConsoleUsage> {
    const u = await this.ask({ type: 'usage' }, 'usage', 30_000);
    this.rssMax = Math.max(this.rssMax, u.rssBytes);
    return u;
  }

  async stop(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null) return;
    await Promise.race([this.ask({ type: 'stop' }, 'stopped', 15_000).catch(() => undefined), pause(15_000)]);
    if (c.exitCode === null) c.kill('SIGKILL');
  }
}
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
async function waitFor(done: () => boolean, timeoutMs: number, probe: ConsoleObserver): Promise<number | null> {
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

  const consoleProcess = new ConsoleProcess();
  const operator = { username: 'loadtest-city', password: randomBytes(12).toString('hex') };
  const workers = new Workers();
  let observer: ConsoleObserver | null = null;
  let result: LoadtestResult | null = null;
  try {
    // One console, subscribed plainly: Mosquitto 2.0.11 kept the console's session over a SIGKILL and restart but
    // not its `$share/...` subscriptions, so every alert after the restart went nowhere (measured: 200 of 200 lost).
    const consoleUrl = await consoleProcess.start({ type: 'start', brokerUrl, username: CONSOLE_USER, password: own?.console.password ?? o.consolePassword ?? undefined, sharedGroup: null, operator });
    const probe = new ConsoleObserver(consoleUrl, operator);
    observer = probe;
    await probe.open();
    o.log(`console ${consoleUrl} (own process, SQLite in a temp folder); observed through its live feed and REST API`);
    await consoleProcess.usage();
    await workers.spawn(o.workers);
    const t0 = Date.now();
    probe.requireStateSince(t0);
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
    const agentCpu0 = (await workers.report()).map((r) => r.cpuMs);
    const usage0 = await consoleProcess.usage();
    const brokerCpu0 = own?.broker.cpuMs() ?? null;
    const steady0 = Date.now();
    const clearAfterMs = Math.min(3000, steadyMs * 0.2);
    workers.broadcast({ type: 'alerts', windowMs: steadyMs * 0.6, clearAfterMs });
    await pause(steadyMs);
    const steadyElapsed = Date.now() - steady0;
    const usage1 = await consoleProcess.usage();
    const brokerMsgsPerSec = ((usage1.received - usage0.received) * 1000) / steadyElapsed;
    const consoleCpuSteadyPercent = usage1.cpuPercent;
    const brokerCpu1 = own?.broker.cpuMs() ?? null;
    const brokerCpuPercent = brokerCpu0 !== null && brokerCpu1 !== null ? Math.round(((brokerCpu1 - brokerCpu0) / steadyElapsed) * 1000) / 10 : null;
    const brokerRss = own?.broker.rssBytes() ?? null;
    const afterSteady = await workers.report();
    const agentCpu1 = afterSteady.map((r) => r.cpuMs);
    const brokerAck = summary(afterSteady.flatMap((r) => r.ackMs));
    const agentCpuSteadyPercent = agentCpu1.map((c, i) => Math.round(((c - (agentCpu0[i] ?? 0)) / (Date.now() - steady0)) * 1000) / 10);
    const steadyLatencies = summary(probe.latencies.filter((l) => l.receivedAt >= steady0).map((l) => l.latencyMs));
    const ingestLatencies = summary(probe.ingestLatencies.filter((l) => l.receivedAt >= steady0).map((l) => l.latencyMs));
    o.log(`steady ${Math.round(steadyElapsed / 1000)} s: ${Math.round(brokerMsgsPerSec)} msg/s reached the console (its CPU ${consoleCpuSteadyPercent} % of a core, ${mb(usage1.rssBytes)} MB); alerts on its live feed p50 ${steadyLatencies.p50} ms p99 ${steadyLatencies.p99} ms (${steadyLatencies.count}); at the console's ingest p50 ${ingestLatencies.p50} ms p99 ${ingestLatencies.p99} ms; broker's PUBACK at the terminal p50 ${brokerAck.p50} ms p99 ${brokerAck.p99} ms; agent processes ${agentCpuSteadyPercent.join(', ')} % of a core`);

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
      // Any state published after the kill comes from a new connection (terminals may be back before `start` returns).
      probe.requireStateSince(tKill);
      const back = await waitFor(() => workers.totalConnected() >= o.terminals && probe.connected && probe.onlineSince(tKill) >= o.terminals, 300_000, probe);
      reconnectAllMs = back;
      reconnectFromKillMs = back === null ? null : back + (tUp - tKill);
      o.log(back === null ? `not all back within 300 s: ${workers.totalConnected()} agents, ${probe.onlineSince(tKill)} online states` : `all ${o.terminals} back and online at the console ${back} ms after the broker was up (${reconnectFromKillMs} ms after the kill)`);
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
      notes.push(`alerts lost among those the broker acknowledged before the kill: ${lostBeforeKill}; after: ${lost - lostBeforeKill}`);
    }
    const connected = reports.reduce((a, r) => a + r.connected, 0);
    const usageEnd = await consoleProcess.usage();
    const list = await probe.list().catch(() => null);
    const whole = await consoleProcess.usage();
    if (!whole.brokerConnected) notes.push('the console was not connected to the broker at the end');
    if (whole.specViolations) notes.push(`the console sent ${whole.specViolations} answers its API document does not describe`);
    const cityRate = o.terminals / 60;
    result = {
      terminals: o.terminals,
      connected,
      connectAllMs,
      alertP50Ms: steadyLatencies.p50,
      alertP99Ms: steadyLatencies.p99,
      alertMaxMs: steadyLatencies.max,
      alertToConsoleP50Ms: ingestLatencies.p50,
      alertToConsoleP99Ms: ingestLatencies.p99,
      alertBrokerAckP50Ms: brokerAck.p50,
      alertBrokerAckP99Ms: brokerAck.p99,
      agentCpuSteadyPercent,
      alertsMeasured: steadyLatencies.count,
      alertsRaised: raised.size,
      alertsLost: lost,
      alertsPendingAtEnd: pending,
      alertsDuplicated: probe.duplicates,
      invalidMessages: probe.invalid + whole.rejected,
      reconnectAllMs,
      reconnectFromKillMs,
      outageAlertsDeliveredMs,
      heartbeatSeconds: o.heartbeatSeconds,
      brokerMsgsPerSec: Math.round(brokerMsgsPerSec),
      cityHeartbeatMsgsPerSec: Math.round(cityRate * 10) / 10,
      ratioToCityHeartbeat: Math.round((brokerMsgsPerSec / cityRate) * 100) / 100,
      consoleCpuPercent: usageEnd.cpuPercent,
      consoleRssMb: mb(usageEnd.rssBytes),
      brokerRssMb: brokerRss === null ? null : mb(brokerRss),
      brokerRssAfterRestartMb: brokerRssAfterRestart === null ? null : mb(brokerRssAfterRestart),
      brokerCpuPercent,
      agentProcesses: o.workers,
      agentRssMb: mb(reports.reduce((a, r) => a + r.rssBytes, 0)),
      measuredAt: 'console-api',
      consoleCpuSteadyPercent,
      consoleRssMaxMb: mb(consoleProcess.rssMax),
      consoleMsgsReceived: whole.received,
      consoleApiReads: probe.apiReads,
      consoleListTotal: list?.total ?? null,
      consoleListOnline: list?.online ?? null,
      restart,
      completed: connectAllMs !== null && (!restart || reconnectAllMs !== null) && list !== null && list.total === o.terminals && list.online === o.terminals,
      notes: [
        ...notes,
        'alert latency and loss measured on the console\'s SSE live feed (/api/events, what the web app shows) by a signed-in city operator; "online" = GET /api/terminals/{id} says online with a state published after the phase began',
        `console CPU ${usageEnd.cpuPercent} % of a core from the steady phase's end to the end of the run (the outage and the reconnect storm), ${consoleCpuSteadyPercent} % during the steady phase`,
      ],
    };
    return result;
  } finally {
    await workers.stop();
    await observer?.close();
    await consoleProcess.stop();
    await own?.close();
  }
}
