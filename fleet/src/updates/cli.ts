// npm run update -- <command>
//   rollout-demo --terminals N --rings R [--bad-version] [--concurrency C]   one JSON line at the end
//   keygen --id ID --out KEY.json       a release signing key (keep it off terminals); prints what terminals pin
//   publish --feed DIR --channel C --deb FILE --version V --min-from V --key FILE.json --rings a,b,c --soak-hours H
//   build-helper --out FILE             the root helper bundle an image installs as /usr/lib/easydo/easydo-update-helper.mjs
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { generateSigningKey } from '@easydo/core/services/update/signing';
import { buildHelperBundle } from './helper-bundle';
import { publishRelease } from './release-tool';
import { rolloutDemo } from './rollout-demo';

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    terminals: { type: 'string', default: '20' },
    rings: { type: 'string', default: '3' },
    'bad-version': { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '4' },
    id: { type: 'string' },
    out: { type: 'string' },
    feed: { type: 'string' },
    channel: { type: 'string', default: 'stable' },
    deb: { type: 'string' },
    version: { type: 'string' },
    'min-from': { type: 'string' },
    key: { type: 'string' },
    'package-name': { type: 'string', default: 'easydo-terminal' },
    'soak-hours': { type: 'string', default: '24' },
    'rings-list': { type: 'string', default: 'pilot,early,all' },
  },
});

function usage(): never {
  console.error('usage: npm run update -- rollout-demo|keygen|publish|build-helper [options] (see fleet/src/updates/cli.ts)');
  process.exit(64);
}

switch (command) {
  case 'rollout-demo': {
    const summary = await rolloutDemo({ terminals: Number(values.terminals), rings: Number(values.rings), badVersion: values['bad-version']!, concurrency: Number(values.concurrency) });
    console.log(JSON.stringify(summary));
    break;
  }
  case 'keygen': {
    if (!values.id || !values.out) usage();
    const key = generateSigningKey(values.id);
    await writeFile(values.out, JSON.stringify(key), { mode: 0o600 });
    console.log(JSON.stringify({ id: key.id, publicKey: key.publicKey })); // what terminals pin (config update.publicKeys)
    break;
  }
  case 'publish': {
    if (!values.feed || !values.deb || !values.version || !values.key) usage();
    const key = JSON.parse(await readFile(values.key, 'utf8')) as { id: string; privateKeyPem: string };
    const start = Date.now();
    const soak = Number(values['soak-hours']);
    const rollout = values['rings-list']!.split(',').map((ring, i) => ({ ring, opensAt: new Date(start + i * soak * 3600_000).toISOString(), soakHours: soak }));
    const m = await publishRelease({ feedRoot: values.feed, channel: values.channel!, packageName: values['package-name']!, version: values.version, minFromVersion: values['min-from'] ?? '0.0.0', debPath: values.deb, key, rollout });
    console.log(JSON.stringify({ channel: m.channel, version: m.version, size: m.package.size, rollout: m.rollout }));
    break;
  }
  case 'build-helper':
    if (!values.out) usage();
    console.log(await buildHelperBundle(values.out));
    break;
  default:
    usage();
}
