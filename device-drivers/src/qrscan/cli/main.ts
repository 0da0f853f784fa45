// Maintenance CLI for 2D barcode scanners (run through `npm run qrscan -- ...`):
//   read --port PATH [--baud N] [--suffix cr|crlf|tab|none] [--prefix TEXT] [--aim] [--mode trigger|continuous]
//        [--commands] [--enable LIST] [--disable LIST] [--timeout S] [--json]
//     waits for one code and prints it (--json: one object {code, bytes, symbology?}); junk exits 3 with its
//     reason ({"error":{"code":"binaryJunk",...}} with --json).
//   simulate --port PATH [--baud N] [--suffix ..] [--prefix TEXT] [--mode ..] [--deaf] [--chunk N] [--show TEXT]
//            [--sandbox URL]
//     a simulated imager on a serial path. stdin: `show TEXT`, `withdraw`, `junk binary|huge|partial|control`,
//     `raw HEX`, `identity RESIDENT [KIND]` (asks the sandbox for a dynamic code and shows it), `quit`.
// Exit codes: 0 read, 1 scanner error, 2 timeout, 3 refused frame, 64 usage.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { QrScanError, isFrameRejection } from '../errors';
import { createQrScanner } from '../scanner/service';
import { SerialScannerLink } from '../transport/serial';
import { JUNK_KINDS, ScannerSimulator, type JunkKind } from '../simulator/simulator';
import { runScannerSimulatorOnSerial } from '../simulator/serial';
import { fetchSandboxIdentityCode } from '../simulator/sandbox-codes';
import { CliError, exitWhenFlushed, runSubcommand } from '../../device/cli';
import { modeOption, numberOption, prefixOption, suffixOption, symbologyList } from './options';

const USAGE = `usage:
  npm run qrscan -- read --port PATH [--baud N] [--suffix cr|crlf|tab|none] [--prefix TEXT] [--aim]
                         [--mode trigger|continuous] [--commands] [--enable qr,..] [--disable ..] [--timeout S] [--json]
  npm run qrscan -- simulate --port PATH [--baud N] [--suffix ..] [--prefix TEXT] [--mode ..] [--deaf] [--chunk N]
                             [--show TEXT] [--sandbox URL]`;

let json = false;

/** The flags read and simulate share: where the scanner is and how it frames a code. */
const LINK_OPTIONS = {
  port: { type: 'string' },
  baud: { type: 'string' },
  suffix: { type: 'string' },
  prefix: { type: 'string' },
  mode: { type: 'string' },
} as const;

async function read(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      ...LINK_OPTIONS,
      aim: { type: 'boolean', default: false },
      commands: { type: 'boolean', default: false },
      enable: { type: 'string' },
      disable: { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  json = values.json;
  if (!values.port) throw new CliError('read needs --port PATH', 64);
  const symbologies = Object.fromEntries([
    ...symbologyList(values.enable, 'enable').map((s) => [s, true] as const),
    ...symbologyList(values.disable, 'disable').map((s) => [s, false] as const),
  ]);
  const prefix = prefixOption(values.prefix);
  const scanner = createQrScanner({
    link: new SerialScannerLink({ path: values.port, baudRate: numberOption(values.baud, 'baud', 9600) }),
    suffix: suffixOption(values.suffix),
    ...(prefix ? { prefix } : {}),
    aimId: values.aim,
    mode: modeOption(values.mode),
    commandSet: values.commands || Object.keys(symbologies).length > 0 || values.mode === 'trigger' ? 'menu' : 'none',
    symbologies,
    reconnectIntervalMs: 300,
  });
  const timeoutMs = numberOption(values.timeout, 'timeout', 30) * 1000;
  try {
    await scanner.start();
    const snap = scanner.snapshot();
    if (snap.status === 'noDevice' || snap.status === 'hardwareError') throw new CliError(`scanner on ${values.port}: ${snap.lastError?.message ?? snap.status}`, 1, snap.lastError?.code ?? 'noDevice');
    process.stderr.write(`qrscan: waiting for a code on ${values.port}\n`); // the line tests and scripts wait for
    const code = await scanner.readCode({ timeoutMs });
    const out = { code: code.code, bytes: code.bytes, ...(code.symbology ? { symbology: code.symbology } : {}) };
    process.stdout.write(values.json ? JSON.stringify(out) + '\n' : code.code + '\n');
  } catch (err) {
    if (err instanceof QrScanError) {
      const exit = err.code === 'timeout' ? 2 : isFrameRejection(err.code) ? 3 : 1;
      throw new CliError(err.message, exit, err.code);
    }
    throw err;
  } finally {
    await scanner.stop();
  }
}

async function simulate(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      ...LINK_OPTIONS,
      deaf: { type: 'boolean', default: false },
      chunk: { type: 'string' },
      show: { type: 'string' },
      sandbox: { type: 'string' },
    },
  });
  if (!values.port) throw new CliError('simulate needs --port PATH', 64);
  const prefix = prefixOption(values.prefix);
  const simulator = new ScannerSimulator({
    suffix: suffixOption(values.suffix),
    ...(prefix ? { prefix } : {}),
    mode: modeOption(values.mode),
    answersCommands: !values.deaf,
    ...(values.chunk ? { chunkBytes: numberOption(values.chunk, 'chunk', 1) } : {}),
  });
  const served = await runScannerSimulatorOnSerial({ path: values.port, simulator, ...(values.baud ? { baudRate: numberOption(values.baud, 'baud', 9600) } : {}) });
  const say = (line: string) => process.stdout.write(line + '\n');
  say(`simulating 2D scanner on ${values.port} (${simulator.readMode}, suffix ${values.suffix ?? 'cr'})`);
  if (values.show) simulator.present(values.show);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
    const lines = createInterface({ input: process.stdin });
    lines.on('close', () => resolve());
    lines.on('line', (line) => {
      const [verb = '', ...rest] = line.trim().split(/\s+/);
      const arg = line.trim().slice(verb.length).trim();
      void (async () => {
        if (verb === 'show' && arg) {
          simulator.present(arg);
          say('ok shown');
        } else if (verb === 'withdraw') {
          simulator.withdraw();
          say('ok withdrawn');
        } else if (verb === 'junk' && (JUNK_KINDS as readonly string[]).includes(arg)) {
          await simulator.junk(arg as JunkKind);
          say(`ok junk ${arg}`);
        } else if (verb === 'raw' && /^([0-9a-fA-F]{2})+$/.test(arg)) {
          await simulator.sendRaw(Uint8Array.from(Buffer.from(arg, 'hex')));
          say('ok raw');
        } else if (verb === 'identity' && rest[0]) {
          if (!values.sandbox) throw new Error('identity needs --sandbox URL');
          simulator.present(await fetchSandboxIdentityCode(values.sandbox, rest[0], rest[1]));
          say(`ok identity ${rest[0]}`); // the code itself is not printed: it is a live identity token
        } else if (verb === 'quit') resolve();
        else if (verb) say(`error unknown command "${verb}"`);
      })().catch((err: unknown) => say(`error ${(err as Error).message}`));
    });
  });
  await served.close();
}

async function main(argv: string[]): Promise<number> {
  try {
    await runSubcommand(argv, { read, simulate }, USAGE);
    return 0;
  } catch (err) {
    const e = err instanceof CliError ? err : new CliError((err as Error).message, 1, 'failed');
    if (json) process.stdout.write(JSON.stringify({ error: { code: e.reason, message: e.message } }) + '\n');
    process.stderr.write(`qrscan: ${e.message}${e.reason !== 'usage' ? ` [${e.reason}]` : ''}\n`);
    return e.exitCode;
  }
}

await exitWhenFlushed(await main(process.argv.slice(2)));
