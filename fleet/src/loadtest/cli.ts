// `npm run fleet -- loadtest --terminals N [--broker URL] [--no-restart] [--duration S]`: prints its figures as it
// goes and ends with one JSON line (terminals, connected, alertP50Ms, alertP99Ms, reconnectAllMs, alertsLost, ...).
// Exit 0 when every terminal connected (and came back) and no alert was lost; 1 otherwise; 64 for bad arguments.
import { parseArgs } from 'node:util';
import os from 'node:os';
import { runLoadtest } from './run';

const USAGE = 'usage: loadtest --terminals N [--broker mqtt://host:port] [--no-restart] [--duration S] [--heartbeat S] [--workers W] [--connect-rate R] [--connect-timeout S] [--console-password P] [--terminal-password P]';

function int(value: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new RangeError(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}

export async function runLoadtestCli(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        terminals: { type: 'string' },
        broker: { type: 'string' },
        'no-restart': { type: 'boolean' },
        duration: { type: 'string' },
        heartbeat: { type: 'string' },
        workers: { type: 'string' },
        'connect-rate': { type: 'string' },
        'connect-timeout': { type: 'string' },
        'console-password': { type: 'string' },
        'terminal-password': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 64;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const terminals = int(values.terminals as string | undefined, 'terminals', 1, 50_000, 0);
    if (terminals === 0) throw new RangeError('--terminals is required');
    const broker = values.broker as string | undefined;
    if (broker !== undefined && !/^mqtts?:\/\/[^\s/]+(:\d+)?\/?$/.test(broker)) throw new RangeError('--broker must be mqtt://host:port or mqtts://host:port');
    const result = await runLoadtest({
      terminals,
      brokerUrl: broker ?? null,
      restart: !values['no-restart'],
      durationSeconds: int(values.duration as string | undefined, 'duration', 5, 3600, 30),
      heartbeatSeconds: int(values.heartbeat as string | undefined, 'heartbeat', 1, 3600, 10),
      workers: int(values.workers as string | undefined, 'workers', 1, 32, Math.max(1, Math.min(os.cpus().length * 2, Math.ceil(terminals / 2500)))),
      connectPerSecond: int(values['connect-rate'] as string | undefined, 'connect-rate', 10, 100_000, 1000),
      connectTimeoutMs: int(values['connect-timeout'] as string | undefined, 'connect-timeout', 1, 120, 10) * 1000,
      consolePassword: (values['console-password'] as string | undefined) ?? null,
      terminalPassword: (values['terminal-password'] as string | undefined) ?? null,
      log: (line) => process.stdout.write(`[loadtest] ${line}\n`),
    });
    for (const [k, v] of Object.entries(result)) if (k !== 'notes') process.stdout.write(`[loadtest] ${k}: ${JSON.stringify(v)}\n`);
    for (const n of result.notes) process.stdout.write(`[loadtest] note: ${n}\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return result.completed && result.connected === result.terminals && result.alertsLost === 0 && result.alertsPendingAtEnd === 0 ? 0 : 1;
  } catch (e) {
    process.stderr.write(`${e instanceof RangeError ? e.message : (e as Error).stack ?? String(e)}\n${e instanceof RangeError ? `${USAGE}\n` : ''}`);
    return e instanceof RangeError ? 64 : 1;
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  void runLoadtestCli(process.argv.slice(2)).then((code) => process.exit(code));
}
