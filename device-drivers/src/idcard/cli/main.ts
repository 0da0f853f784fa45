// Maintenance CLI for ID card readers (run through `npm run idcard -- ...`):
//   read --port PATH [--baud N] [--json] [--unmasked] [--timeout S] [--fingerprint] [--new-address]
//     waits for a card, prints it, exits. Names and numbers are masked and the photo is left out unless --unmasked.
//   simulate --port PATH [--card ID|FILE] [--cards FILE] [--baud N] [--pace] [--rf-delay MS] [--after-read MODE]
//     serves simulated cards on a serial path (e.g. one end of a socat pty pair) until stopped. Lines on stdin
//     control it: `place ID`, `remove`, `fault KIND`, `clear`, `list`, `quit`.
// Exit codes: 0 done, 1 reader error, 2 timeout, 64 usage.
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { IdCard } from '../card/card';
import { cardToJson } from '../card/card';
import { defaultCardholderFile, loadCardholderFile } from '../simulator/cardholders';
import { genderName } from '../card/ethnicity';
import { maskCard } from '../card/mask';
import type { CardReadEvent, ErrorInfo } from '../reader/service';
import { createReaderService } from '../reader/service';
import { createSerialTransport } from '../transport/serial';
import { createSimulator } from '../simulator/simulator';
import type { SimulatorFault } from '../simulator/faults';
import { runSimulatorOnSerial } from '../simulator/serial';
import { CliError, exitWhenFlushed, runSubcommand } from '../../device/cli';

const USAGE = `usage:
  npm run idcard -- read --port PATH [--baud N] [--json] [--unmasked] [--timeout S] [--fingerprint] [--new-address]
  npm run idcard -- simulate --port PATH [--card ID|FILE] [--cards FILE] [--baud N] [--pace] [--rf-delay MS]
                             [--after-read findable|halted]`;

function intOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new CliError(`--${name} must be a non-negative number, got "${value}"`, 64);
  return n;
}

// ---- read -----------------------------------------------------------------------------------------------------

const LABELS: Record<string, string> = {
  cardType: 'card type',
  name: 'name',
  chineseName: 'Chinese name',
  englishName: 'English name',
  gender: 'gender',
  ethnicityCode: 'ethnicity',
  birthDate: 'birth date',
  idNumber: 'ID number',
  cardNumber: 'card number',
  permitNumber: 'permit number',
  issueCount: 'issue count',
  hmtRegion: 'region',
  nationality: 'nationality',
  address: 'address',
  issuer: 'issuer',
  issuerCode: 'issuer code',
  cardVersion: 'card version',
  renewalCount: 'renewal count',
  previousNumberLink: 'previous number link',
  validFrom: 'valid from',
  validTo: 'valid to',
  checkDigitValid: 'check digit',
};

function describe(card: IdCard, { includePhoto, photoBytes }: { includePhoto: boolean; photoBytes: number }): string {
  const json = cardToJson(card, { includePhoto });
  const lines: string[] = [];
  for (const [key, label] of Object.entries(LABELS)) {
    let value = json[key];
    if (value === undefined || value === null) continue;
    if (key === 'gender') value = `${value} (${genderName(String(value)) ?? '?'})`;
    if (key === 'ethnicityCode') value = `${value} (${(json.ethnicityName as string | null) ?? 'not in GB 3304'})`;
    if (key === 'checkDigitValid') value = value ? 'valid' : 'INVALID';
    lines.push(`${label.padEnd(21)} ${String(value)}`);
  }
  if (Array.isArray(json.newAddresses)) lines.push(`${'appended addresses'.padEnd(21)} ${json.newAddresses.join(' | ') || '(none)'}`);
  lines.push(`${'photo'.padEnd(21)} ${photoBytes > 0 ? `${photoBytes} bytes WLT${includePhoto ? '' : ' (shown with --unmasked)'}` : 'none'}`);
  if (includePhoto && typeof json.photo === 'string') lines.push(`${'photo (base64)'.padEnd(21)} ${json.photo}`);
  return lines.join('\n');
}

async function read(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      baud: { type: 'string' },
      json: { type: 'boolean', default: false },
      unmasked: { type: 'boolean', default: false },
      timeout: { type: 'string' },
      fingerprint: { type: 'boolean', default: false },
      'new-address': { type: 'boolean', default: false },
    },
  });
  if (!values.port) throw new CliError('read needs --port PATH', 64);
  const baudRate = intOption(values.baud, 'baud', 115200);
  const timeoutS = intOption(values.timeout, 'timeout', 30);

  const reader = createReaderService({
    transport: createSerialTransport({ path: values.port, baudRate }),
    pollIntervalMs: 300,
    reconnectIntervalMs: 500,
    readFingerprint: values.fingerprint,
    readNewAddress: values['new-address'],
  });
  const failure = (info: ErrorInfo, exitCode = 1) => new CliError(`reader error on ${values.port}: ${info.message} [${info.code}]`, exitCode);

  let event: CardReadEvent;
  try {
    event = await new Promise<CardReadEvent>((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      reader.on('error', (e) => {
        if (!e.willRetry) fail(failure(e.error));
      });
      reader.onChange((snap) => {
        if ((snap.status === 'noDevice' || snap.status === 'offline' || snap.status === 'hardwareError') && snap.lastError) {
          fail(failure({ code: snap.lastError.code as ErrorInfo['code'], message: snap.lastError.message }));
        }
      });
      const timer = setTimeout(() => {
        const snap = reader.snapshot();
        const why =
          snap.status === 'online' || snap.status === 'busy'
            ? 'no card was read'
            : snap.status === 'starting'
              ? 'the reader has not answered yet'
              : `reader ${snap.status}`;
        fail(new CliError(`timed out after ${timeoutS} s waiting for a card on ${values.port} (${why})`, 2));
      }, timeoutS * 1000);
      reader
        .readCard()
        .then(resolve, fail)
        .finally(() => clearTimeout(timer));
      reader.start().catch(fail);
    });
  } finally {
    await reader.stop();
  }

  const card = values.unmasked ? event.card : maskCard(event.card);
  if (values.json) process.stdout.write(JSON.stringify(cardToJson(card, { includePhoto: values.unmasked })) + '\n');
  else process.stdout.write(describe(card, { includePhoto: values.unmasked, photoBytes: event.card.photo?.length ?? 0 }) + '\n');
}

// ---- simulate -------------------------------------------------------------------------------------------------

const FAULT_KINDS = ['splitFrames', 'garbage', 'badChecksum', 'badLength', 'noSam', 'silence', 'removeMidRead'] as const;

async function simulate(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      card: { type: 'string' },
      cards: { type: 'string' },
      baud: { type: 'string' },
      pace: { type: 'boolean', default: false },
      'rf-delay': { type: 'string' },
      'after-read': { type: 'string' },
    },
  });
  if (!values.port) throw new CliError('simulate needs --port PATH', 64);
  const baudRate = intOption(values.baud, 'baud', 115200);
  const afterRead = values['after-read'] ?? 'findable';
  if (afterRead !== 'findable' && afterRead !== 'halted') throw new CliError('--after-read is findable or halted', 64);

  const cardsFile = values.cards ?? defaultCardholderFile();
  const simulator = createSimulator({
    cards: existsSync(cardsFile) ? await loadCardholderFile(cardsFile) : [],
    baudRate,
    pace: values.pace,
    rfReadDelayMs: intOption(values['rf-delay'], 'rf-delay', 0),
    afterRead: afterRead === 'halted' ? 'haltedUntilRemoved' : 'findable',
  });
  if (values.card) {
    if (existsSync(values.card)) {
      const extra = await loadCardholderFile(values.card);
      if (extra.length === 0) throw new CliError(`${values.card} holds no cardholder`, 64);
      simulator.addCards(extra);
      simulator.placeCard(extra[0]!);
    } else {
      try {
        simulator.placeCard(values.card);
      } catch (err) {
        throw new CliError((err as Error).message, 64);
      }
    }
  }

  const served = await runSimulatorOnSerial({ path: values.port, baudRate, simulator });
  const say = (line: string) => process.stdout.write(line + '\n');
  say(`simulating ID card reader on ${values.port} at ${baudRate} baud${values.pace ? ' (paced)' : ''}; card: ${simulator.currentCard?.id ?? 'none'}`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const lines = createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      const [verb, arg] = line.trim().split(/\s+/);
      try {
        if (verb === 'place' && arg) say(`ok placed ${simulator.placeCard(arg).id}`);
        else if (verb === 'remove') {
          simulator.removeCard();
          say('ok removed');
        }
        else if (verb === 'fault' && (FAULT_KINDS as readonly string[]).includes(arg ?? '')) {
          simulator.setFault({ kind: arg } as SimulatorFault);
          say(`ok fault ${arg}`);
        } else if (verb === 'clear') {
          simulator.setFault(null);
          say('ok cleared');
        }
        else if (verb === 'list') say(`ok cards ${simulator.cards.map((c) => c.id).join(' ')}`);
        else if (verb === 'quit') resolve();
        else if (verb) say(`error unknown command "${line.trim()}"`);
      } catch (err) {
        say(`error ${(err as Error).message}`);
      }
    });
  });
  await served.close();
}

// ---- main -----------------------------------------------------------------------------------------------------

async function main(argv: string[]): Promise<number> {
  try {
    await runSubcommand(argv, { read, simulate }, USAGE);
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`idcard: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`idcard: ${(err as Error).message}\n`);
    return 1;
  }
}

await exitWhenFlushed(await main(process.argv.slice(2)));
