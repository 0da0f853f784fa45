// Our arguments out of Electron's process.argv. Three things make that more than slice(2):
// - the shape: unpackaged (`electron <app> …`, process.defaultApp) argv[1] is the app path; packaged it is the
//   first real argument;
// - Chromium's switches share the command line (--no-sandbox, --ozone-platform=wayland, Playwright's
//   --inspect=0 and --remote-debugging-port=0). Chromium only knows the `--name[=value]` form, so they never take a
//   separate value;
// - ours may: the packaging launch lines say `--mode kiosk` (packaging/linux/easydo-kiosk.service,
//   packaging/windows/shell-launcher.md).
// So: a token that names one of our options is kept, with the next token as its value when it takes one and
// came without `=`; any other switch is Chromium's and left to Chromium; anything else is refused (a stray word on
// a launch line is a mistake to show, not to guess about). Which options are ours, and whether they take a value,
// is asked of parseStartArgs itself (node's parseArgs reports an unknown option with its own error code), so a new
// option in cli-args.ts needs no second list here.
import { parseStartArgs, type StartArgs } from '../app/cli-args';

export class BadArguments extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadArguments';
  }
}

/** The arguments after the executable (and, unpackaged, after the app path). */
export function userArgsOf(argv: readonly string[], shape: { defaultApp: boolean }): string[] {
  return argv.slice(shape.defaultApp ? 2 : 1);
}

type Ours = 'value' | 'flag' | null;

function classify(name: string): Ours {
  const probe = (token: string): 'unknown' | 'ok' | 'bad' => {
    try {
      parseStartArgs([token]);
      return 'ok';
    } catch (error) {
      return (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 'unknown' : 'bad';
    }
  };
  if (probe(`--${name}`) === 'unknown') return null;
  // A string option without its value fails; a boolean one passes bare (and fails given a value).
  return probe(`--${name}`) === 'ok' ? 'flag' : 'value';
}

/** Our options out of everything after the executable, normalised to `--name=value`; Chromium's switches dropped. */
export function ourArgs(userArgs: readonly string[]): { args: string[]; chromiumSwitches: string[] } {
  const args: string[] = [];
  const chromiumSwitches: string[] = [];
  for (let i = 0; i < userArgs.length; i++) {
    const token = userArgs[i]!;
    if (!token.startsWith('-')) throw new BadArguments(`Bad arguments: unexpected "${token}"`);
    const [rawName, ...rest] = token.replace(/^--?/, '').split('=');
    const name = rawName ?? '';
    const kind = token.startsWith('--') ? classify(name) : null;
    if (kind === null) {
      chromiumSwitches.push(token);
      continue;
    }
    if (rest.length > 0 || kind === 'flag') {
      args.push(token);
      continue;
    }
    const value = userArgs[i + 1];
    if (value === undefined || value.startsWith('--')) throw new BadArguments(`Bad arguments: --${name} needs a value`);
    args.push(`--${name}=${value}`);
    i++;
  }
  return { args, chromiumSwitches };
}

/** process.argv of the Electron main → our start arguments (BadArguments or parseStartArgs' error when wrong). */
export function parseElectronArgs(argv: readonly string[], shape: { defaultApp: boolean }): StartArgs & { chromiumSwitches: string[] } {
  const { args, chromiumSwitches } = ourArgs(userArgsOf(argv, shape));
  try {
    return { ...parseStartArgs(args), chromiumSwitches };
  } catch (error) {
    throw new BadArguments(error instanceof Error ? error.message : String(error));
  }
}
