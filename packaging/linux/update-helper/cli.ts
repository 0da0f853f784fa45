// easydo-update-helper: run as root by systemd only (see README.md for the units). One operation per run:
//   process-spool             answer the agent's requests (easydo-update-helper.path starts it)
//   start-check               before each app start (ExecStartPre=-+): count starts, roll back a crash loop
//   deadline-check            from easydo-update-helper.timer: roll back a version that never reported healthy
//   status                    print the state (also world-readable in <stateDir>/state.json)
//   adopt FILE --version V --signature S --key-id K   provisioning: the image's signed package becomes "good"
// Exit 0 whatever the outcome of start-check (a start must never be blocked by the helper), 64 bad arguments,
// 78 bad configuration, 1 a refused request of adopt.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { HelperConfig } from './protocol';
import { UpdateHelper } from './helper';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { config: { type: 'string', default: '/etc/easydo/update-helper.json' }, version: { type: 'string' }, signature: { type: 'string' }, 'key-id': { type: 'string' } },
});
const [op, file] = positionals;

let config: HelperConfig;
try {
  config = HelperConfig.parse(JSON.parse(readFileSync(values.config!, 'utf8')));
} catch (e) {
  console.error(`easydo-update-helper: bad configuration ${values.config}: ${(e as Error).message.slice(0, 500)}`);
  process.exit(78);
}
const helper = new UpdateHelper(config);
const print = (v: unknown) => console.log(JSON.stringify(v));

switch (op) {
  case 'process-spool':
    print(await helper.processSpool());
    break;
  case 'start-check':
    print(await helper.startCheck().catch((e: Error) => ({ ok: false, code: 'helperError', message: e.message })));
    break;
  case 'deadline-check':
    print(await helper.deadlineCheck());
    break;
  case 'status':
    print(helper.state());
    break;
  case 'adopt': {
    if (!file || !values.version || !values.signature || !values['key-id']) {
      console.error('usage: adopt FILE --version V --signature S --key-id K');
      process.exit(64);
    }
    const r = await helper.adopt(file, { version: values.version, signature: values.signature, keyId: values['key-id'] });
    print(r);
    process.exit(r.ok ? 0 : 1);
    break;
  }
  default:
    console.error('usage: easydo-update-helper process-spool|start-check|deadline-check|status|adopt [--config FILE]');
    process.exit(64);
}
