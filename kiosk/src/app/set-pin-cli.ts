// `npm run set-pin -- --config FILE` (PIN on stdin) sets the maintenance PIN in a config file;
// `npm run set-pin -- --config FILE --operator STAFFNO` sets that maintainer's own PIN (admin.operators);
// `npm run set-pin -- --hash-only` prints the hash for a config template. See set-pin.ts.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { hashAllowedPin, setOperatorPinInConfig, setPinInConfig } from './set-pin';

try {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { config: { type: 'string' }, operator: { type: 'string' }, 'hash-only': { type: 'boolean' } }, strict: true });
  if (!values.config && !values['hash-only']) throw new Error('usage: npm run set-pin -- --config FILE [--operator STAFFNO] | --hash-only   (the PIN comes on stdin)');
  const pin = readFileSync(0, 'utf8').split(/\r?\n/)[0]!.trim();
  if (values['hash-only']) {
    console.log(hashAllowedPin(pin));
  } else if (values.operator !== undefined) {
    setOperatorPinInConfig(values.config!, values.operator, pin);
    console.log(`PIN of maintainer ${values.operator} set in ${values.config}.`);
  } else {
    setPinInConfig(values.config!, pin);
    console.log(`Maintenance PIN set in ${values.config}.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
