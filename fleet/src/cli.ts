// `npm run fleet [-- options]`: the fleet console. Development (default): a broker on this machine (embedded aedes,
// or a private Mosquitto when simulated agents need MQTT 5), development operators, and `--simulate N` terminals
// running the real agent. Production (`--profile production` or EASYDO_PROFILE=production): a TLS broker URL and
// operators with their own passwords, or it refuses to start. `npm run fleet -- loadtest ...` runs the load test.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { FleetAgent } from '@easydo/core/services/fleet/agent';
import { SimulatedTerminal } from '@easydo/core/services/fleet/simulated-terminal';
import { parseConfig, simulatorDefaults } from '@easydo/core/services/config/load';

/** The terminal `npm start` runs in development (simulatorDefaults): the dev Mosquitto has an account for it. */
export const DEV_TERMINAL_ID = simulatorDefaults().terminalId;
const DEV_TERMINAL_PLACE = { district: '福田区', street: '莲花街道', centre: '莲花街道第1党群服务中心' };
import { MOSQUITTO_BIN } from './broker/mosquitto-process';
import { startAedes, startDevMosquitto, type DevBroker } from './console/dev-brokers';
import type { BrokerOptions } from './console/ingest';
import { startConsole } from './console/server';

const USAGE = `usage: npm run fleet -- [--profile development|production] [--port N] [--host H] [--data-dir DIR]
         [--broker embedded|mosquitto|mqtts://HOST:PORT] [--broker-user U --broker-password-file F]
         [--ca FILE --cert FILE --key FILE] [--operators FILE] [--simulate N] [--rate N]
         [--shared-group NAME]   (console replicas on a clustered broker; see docs/fleet-broker.md)
       npm run fleet -- loadtest --terminals N --broker URL [...]`;

/** Development operators (printed at start; the production profile refuses these passwords). */
export const DEV_OPERATORS = [
  { username: 'city', password: 'easydo-city-dev', role: 'city' as const },
  { username: 'lianhua', password: 'easydo-street-dev', role: 'street' as const, district: '福田区', street: '莲花街道' },
];
export const DEV_PASSWORDS = DEV_OPERATORS.map((o) => o.password);

const OperatorsFile = z.array(
  z.strictObject({
    username: z.string().min(1).max(64),
    role: z.enum(['city', 'street']),
    district: z.string().min(1).optional(),
    street: z.string().min(1).optional(),
    /** Read from a file the operations centre keeps; hashed at once, never stored in clear. */
    password: z.string().min(12),
  }),
);

const PLACES = [
  { district: '福田区', street: '莲花街道' },
  { district: '南山区', street: '粤海街道' },
  { district: '罗湖区', street: '东门街道' },
];

class Refused extends Error {}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'loadtest') {
    const { runLoadtestCli } = await import('./loadtest/cli');
    return runLoadtestCli(argv.slice(1));
  }
  const { values } = parseArgs({
    args: argv,
    options: {
      profile: { type: 'string' },
      port: { type: 'string', default: '8790' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      broker: { type: 'string' },
      'broker-user': { type: 'string' },
      'shared-group': { type: 'string' },
      'broker-password-file': { type: 'string' },
      ca: { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      operators: { type: 'string' },
      simulate: { type: 'string', default: '0' },
      rate: { type: 'string', default: '20' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const profile = values.profile ?? process.env['EASYDO_PROFILE'] ?? 'development';
  if (profile !== 'development' && profile !== 'production') throw new Refused(`--profile must be development or production, not ${profile}`);
  const production = profile === 'production';
  const simulate = Number(values.simulate);
  if (!Number.isInteger(simulate) || simulate < 0 || simulate > 2000) throw new Refused('--simulate takes 0..2000');
  if (production && simulate > 0) throw new Refused('--simulate is for the development profile only');
  const dataDir = values['data-dir'] ?? process.env['EASYDO_FLEET_DATA_DIR'] ?? path.join(os.homedir(), '.local/share/easydo-fleet');
  const simIds = Array.from({ length: simulate }, (_, i) => `SZ-SIM-${String(i + 1).padStart(4, '0')}`);

  // The broker.
  const brokerArg = values.broker ?? (production ? undefined : simulate > 0 ? 'mosquitto' : 'embedded');
  let dev: DevBroker | null = null;
  let broker: BrokerOptions;
  if (brokerArg === undefined) throw new Refused('production needs --broker mqtts://HOST:PORT');
  if (brokerArg === 'embedded' || brokerArg === 'mosquitto') {
    if (production) throw new Refused(`--broker ${brokerArg} is a development broker; production needs mqtts://`);
    if (brokerArg === 'embedded' && simulate > 0) throw new Refused('the simulated agents speak MQTT 5, which the embedded aedes broker does not; use --broker mosquitto');
    if (brokerArg === 'mosquitto' && !existsSync(MOSQUITTO_BIN)) throw new Refused(`Mosquitto is not installed (${MOSQUITTO_BIN}); scripts/setup-system.sh installs it`);
    dev = brokerArg === 'embedded' ? await startAedes() : await startDevMosquitto(path.join(dataDir, 'mosquitto'), [DEV_TERMINAL_ID, ...simIds]);
    broker = dev.console;
  } else {
    const url = new URL(brokerArg);
    if (production && url.protocol !== 'mqtts:' && url.protocol !== 'wss:') throw new Refused(`production refuses a plaintext broker (${url.protocol}); use mqtts://`);
    if (production && !values.ca) throw new Refused('production needs --ca (the broker CA the console trusts)');
    broker = {
      url: brokerArg,
      // One console subscribes plainly by default: Mosquitto 2.0.11 keeps a persistent session over its restart but
      // not the session's `$share/...` subscriptions, so a shared group loses every alert published before the
      // console's reconnect (the load test measured 200 of 200). Replicas on a clustered broker opt in.
      sharedGroup: values['shared-group'] ?? null,
      clientId: `easydo-console-${os.hostname()}`,
      ...(values['broker-user'] ? { username: values['broker-user'] } : {}),
      ...(values['broker-password-file'] ? { password: readFileSync(values['broker-password-file'], 'utf8').trim() } : {}),
      ...(values.ca ? { ca: readFileSync(values.ca) } : {}),
      ...(values.cert ? { cert: readFileSync(values.cert) } : {}),
      ...(values.key ? { key: readFileSync(values.key) } : {}),
    };
  }

  // Operators.
  const fromFile = values.operators ? OperatorsFile.parse(JSON.parse(readFileSync(values.operators, 'utf8'))) : [];
  if (production && fromFile.some((o) => DEV_PASSWORDS.includes(o.password))) throw new Refused('an operator in --operators uses a development password');
  const operators = production ? fromFile : [...DEV_OPERATORS, ...fromFile];

  const uiDir = fileURLToPath(new URL('../dist/ui', import.meta.url));
  if (!existsSync(path.join(uiDir, 'index.html'))) console.error('fleet: the web app is not built; run `npx vite build --config fleet/vite.config.ts` (the API runs anyway)');
  const handle = await startConsole({
    dbFile: path.join(dataDir, 'fleet.sqlite'),
    broker,
    port: Number(values.port),
    host: values.host,
    uiDir,
    operators,
    actionRatePerSecond: Number(values.rate),
    secureCookies: production,
  });
  if (production) {
    // Accounts made in an earlier development run must not carry a development password into production.
    const weak = (await Promise.all(DEV_PASSWORDS.map((p) => handle.operators.usingPassword(p)))).flat();
    if (weak.length || (await handle.store.listOperators()).length === 0) {
      await handle.close();
      throw new Refused(weak.length ? `operators with a development password: ${weak.join(', ')}` : 'no operators: give --operators FILE');
    }
  }

  const agents: FleetAgent[] = [];
  for (const [i, id] of simIds.entries()) {
    const place = PLACES[i % PLACES.length]!;
    const sim = new SimulatedTerminal(parseConfig({ ...simulatorDefaults(), terminalId: id, centreName: `${place.street}党群服务中心` }));
    const agent = new FleetAgent({
      terminalId: id,
      brokerUrl: dev!.url,
      connection: dev!.terminal(id),
      location: { ...place, centre: `${place.street}第${(Math.floor(i / PLACES.length) % 2) + 1}党群服务中心` },
      mode: i % 5 === 4 ? 'counter' : 'kiosk',
      version: '0.1.0-sim',
      heartbeatSeconds: 15,
      ports: sim.ports(),
    });
    agents.push(agent);
    void agent.start().then(() => agent.heartbeatNow());
  }

  console.log(`Fleet console: ${handle.url}/  (${profile}; broker ${broker.url}; data ${dataDir})`);
  if (!production) for (const o of DEV_OPERATORS) console.log(`  development operator ${o.username} / ${o.password} (${o.role}${'street' in o ? ` ${o.district} ${o.street}` : ''})`);
  if (simulate) console.log(`  ${simulate} simulated terminals (SZ-SIM-0001...) on ${dev!.url}`);
  const section = dev?.fleetSection(DEV_TERMINAL_ID, DEV_TERMINAL_PLACE);
  if (section) console.log(`  a real terminal (${DEV_TERMINAL_ID}, \`npm start\`) joins with this in its development config:\n  "fleet": ${JSON.stringify(section)}`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await Promise.all(agents.map((a) => a.stop().catch(() => undefined)));
  await handle.close();
  await dev?.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof Refused || e instanceof z.ZodError || (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      console.error(`fleet: refused: ${(e as Error).message}`);
      console.error(USAGE);
      process.exit(e instanceof Refused ? 78 : 64);
    }
    console.error(`fleet: ${(e as Error).stack ?? String(e)}`);
    process.exit(1);
  },
);
