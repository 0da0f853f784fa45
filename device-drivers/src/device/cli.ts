// What the drivers' maintenance CLIs (idcard, qrscan) share: the usage-or-failure error, picking the subcommand,
// and leaving once stdout is flushed. How a failure is printed stays with each CLI.

/** A failure the CLI reports itself: its exit code (64 usage) and a short reason for machine-readable output. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly reason = 'usage',
  ) {
    super(message);
  }
}

export type CliCommand = (args: string[]) => Promise<void>;

/** Runs the subcommand argv names; none or an unknown one is a usage error carrying the usage text. */
export async function runSubcommand(argv: string[], commands: Record<string, CliCommand>, usage: string): Promise<void> {
  const [command, ...rest] = argv;
  // Own keys only, so `toString` and the like are unknown commands rather than Object's methods.
  const run = command !== undefined && Object.hasOwn(commands, command) ? commands[command] : undefined;
  if (!run) throw new CliError(command ? `unknown command "${command}"\n${usage}` : usage, 64);
  await run(rest);
}

/** serialport or stdin handles may linger; the command is over once stdout has been flushed. */
export async function exitWhenFlushed(exitCode: number): Promise<never> {
  process.exitCode = exitCode;
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit();
}
