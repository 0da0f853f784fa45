// One agent process of the load test: the real FleetAgent on SimulatedTerminal ports, for a slice of the ids.
// Connects at a paced rate, then on request makes each terminal's receipt paper run low and recover at a random
// moment (an alert raised and cleared), and reports what it raised.
import { FleetAgent } from '@easydo/core/services/fleet/agent';
import { SimulatedTerminal } from '@easydo/core/services/fleet/simulated-terminal';
import { parseConfig } from '@easydo/core/services/config/load';
import { hashPin } from '@easydo/core/services/config/pin';
import type { TerminalConfig } from '@easydo/core/services/config/schema';
import { alertKey, terminalPassword, type FromWorker, type ToWorker, type WorkerStart } from './protocol';

const send = (m: FromWorker) => process.send?.(m);
const agents: Array<{ agent: FleetAgent; terminal: SimulatedTerminal }> = [];
const raised: string[] = [];
const acked: string[] = [];
const ackMs: number[] = [];
const timers = new Set<NodeJS.Timeout>();
let base: TerminalConfig | null = null;

function configFor(id: string): TerminalConfig {
  base ??= parseConfig({ terminalId: 'SZ-LOAD-BASE', centreName: '负载测试街道党群服务中心', terminalSecret: 'synthetic-load-secret-0001', adminPinHash: hashPin('86420135') });
  return { ...structuredClone(base), terminalId: id };
}

const DISTRICTS = ['福田区', '罗湖区', '南山区', '宝安区', '龙岗区', '盐田区', '龙华区', '坪山区', '光明区', '大鹏新区'];

function location(index: number) {
  const district = DISTRICTS[index % DISTRICTS.length]!;
  const street = `街道${String(Math.floor(index / 10) % 74).padStart(2, '0')}`;
  return { district, street, centre: `${district}${street}党群服务中心` };
}

async function start(m: WorkerStart): Promise<void> {
  const gap = 1000 / m.connectPerSecond;
  let started = 0;
  const connectedCount = () => agents.filter((a) => a.agent.view().connected).length;
  const progress = setInterval(() => send({ type: 'progress', connected: connectedCount(), started }), 500);
  for (const [i, id] of m.ids.entries()) {
    const terminal = new SimulatedTerminal(configFor(id));
    const password = m.passwordSecret ? terminalPassword(m.passwordSecret, id) : m.sharedPassword;
    const agent = new FleetAgent({
      terminalId: id,
      brokerUrl: m.brokerUrl,
      connection: { ...(password ? { username: id, password } : {}), ...(m.ca ? { ca: m.ca, servername: 'localhost' } : {}) },
      location: location(Number(id.replace(/\D/g, '')) || i),
      mode: 'kiosk',
      version: '0.1.0-load',
      heartbeatSeconds: m.heartbeatSeconds,
      connectTimeoutMs: m.connectTimeoutMs,
      ports: terminal.ports(),
      onAlert: (a) => raised.push(alertKey(a.id, a.cleared)),
      onAlertAcked: (a) => {
        acked.push(alertKey(a.id, a.cleared));
        if (!a.cleared) ackMs.push(Date.now() - Date.parse(a.at));
      },
    });
    agents.push({ agent, terminal });
    void agent.start();
    started += 1;
    if (gap >= 1) await new Promise((r) => setTimeout(r, gap));
    else if (i % Math.round(1 / gap) === 0) await new Promise((r) => setTimeout(r, 1));
  }
  clearInterval(progress);
  const tick = setInterval(() => send({ type: 'progress', connected: connectedCount(), started }), 250);
  timers.add(tick);
}

function scheduleAlerts(windowMs: number, clearAfterMs: number): void {
  for (const { terminal } of agents) {
    const at = Math.random() * windowMs;
    const t1 = setTimeout(() => {
      terminal.setPaper('nearEnd');
      const t2 = setTimeout(() => terminal.setPaper('ok'), clearAfterMs);
      timers.add(t2);
    }, at);
    timers.add(t1);
  }
}

function report(): void {
  const usage = process.cpuUsage();
  let connected = 0;
  let reconnectAttempts = 0;
  let heartbeatsSent = 0;
  for (const { agent } of agents) {
    const v = agent.view();
    if (v.connected) connected += 1;
    reconnectAttempts += v.reconnectAttempts;
    heartbeatsSent += v.heartbeatsSent;
  }
  send({ type: 'report', connected, raised: [...raised], acked: [...acked], ackMs: ackMs.splice(0), reconnectAttempts, heartbeatsSent, rssBytes: process.memoryUsage().rss, cpuMs: (usage.user + usage.system) / 1000 });
}

process.on('message', (m: ToWorker) => {
  if (m.type === 'start') void start(m);
  else if (m.type === 'alerts') scheduleAlerts(m.windowMs, m.clearAfterMs);
  else if (m.type === 'report') report();
  else if (m.type === 'stop') {
    for (const t of timers) clearTimeout(t);
    void Promise.all(agents.map(({ agent }) => Promise.race([agent.stop(), new Promise((r) => setTimeout(r, 3000))]))).then(() => {
      send({ type: 'stopped' });
      process.exit(0);
    });
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
