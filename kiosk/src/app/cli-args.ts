// Command-line options of `npm start` (after `--`): which mode, where data lives, which port, which profile
// (resolved with EASYDO_PROFILE and the packaged flag by startup.ts resolveProfile; packaged builds are production).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Mode } from '@easydo/core/contract/modes';

const StartArgs = z.object({
  mode: Mode.exclude(['display']).default('kiosk'),
  port: z.coerce.number().int().min(0).max(65535).default(0),
  dataDir: z.string().optional(),
  config: z.string().optional(),
  open: z.boolean().default(true),
  profile: z.enum(['development', 'production']).optional(),
});
export type StartArgs = z.infer<typeof StartArgs>;

export function parseStartArgs(argv: string[]): StartArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      mode: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      config: { type: 'string' },
      'no-open': { type: 'boolean' },
      profile: { type: 'string' },
    },
    strict: true,
  });
  const parsed = StartArgs.safeParse({
    mode: values.mode,
    port: values.port,
    dataDir: values['data-dir'],
    config: values.config,
    open: !values['no-open'],
    profile: values.profile,
  });
  if (!parsed.success) {
    throw new Error(`Bad arguments: ${parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
