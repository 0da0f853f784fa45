// npm run sandbox -- --port P --db FILE [--faults SPEC] [--clock-speed N] [--terminal ID:SECRET] [--log]
// npm run sandbox -- stats --db FILE
import { parseArgs } from 'node:util';
import { openSandboxDb, sandboxStats } from './db';
import { DEV_TERMINAL, startSandbox } from './server';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string' },
    faults: { type: 'string' },
    'clock-speed': { type: 'string', default: '600' },
    terminal: { type: 'string', multiple: true },
    log: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`sandbox: ${message}\n`);
  process.exit(2);
}

const dbFile = values.db ?? fail('--db FILE is required');

if (positionals[0] === 'stats') {
  const db = openSandboxDb({ file: dbFile });
  process.stdout.write(JSON.stringify(sandboxStats(db)) + '\n');
  db.close();
} else if (positionals.length === 0 || positionals[0] === 'serve') {
  const terminals = (values.terminal ?? []).map((t) => {
    const i = t.indexOf(':');
    if (i <= 0) fail('--terminal wants ID:SECRET');
    return { id: t.slice(0, i), secret: t.slice(i + 1) };
  });
  const clockSpeed = Number(values['clock-speed']);
  if (!(clockSpeed > 0)) fail('--clock-speed must be a positive number');
  const sandbox = await startSandbox({
    port: Number(values.port),
    host: values.host,
    dbFile,
    terminals: terminals.length ? terminals : [DEV_TERMINAL],
    clockSpeed,
    ...(values.faults ? { faults: values.faults } : {}),
    log: values.log,
  });
  process.stdout.write(JSON.stringify({ url: sandbox.url, terminal: terminals[0]?.id ?? DEV_TERMINAL.id, clockSpeed }) + '\n');
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} else {
  fail(`unknown command ${positionals[0]}`);
}
