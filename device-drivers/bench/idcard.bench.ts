// ID card reader benchmarks. Run: npx tsx device-drivers/bench/idcard.bench.ts
//  1. card placed -> parsed record, the simulator pacing its replies at 115200 baud (8N1: 10 bits a byte), as a
//     ratio to the pure wire time of every byte exchanged in that interval (requests and replies, polls included);
//     over the in-process link, and over a socat pty pair when socat is installed. With a 5 ms poll the ratio is
//     the driver's overhead on top of the wire; with the default 400 ms poll it adds the wait for the next poll.
//  2. codec CPU time per read (decode the find/select/read replies, check them, parse the card), as a ratio to a
//     plain XOR over the same bytes measured in this run, and as a share of the wire time.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IdCardReaderService, ReaderServiceOptions, SimulatedCard, Simulator } from '../src/idcard/index';
import {
  createInProcessLink,
  createReaderService,
  createSerialTransport,
  createSimulator,
  encodeResponse,
  FrameDecoder,
  loadFixtureCards,
  MIN_RESPONSE_LENGTH,
  parseBaseMessage,
  parseCardText,
  runSimulatorOnSerial,
  xorChecksum,
} from '../src/idcard/index';

const BAUD = 115200;
const wireMs = (bytes: number) => (bytes * 10 * 1000) / BAUD;

/** Places each card at a random moment of the poll cycle (as a person would) and times it until parsed. */
async function placeToRecord(reader: IdCardReaderService, simulator: Simulator, cards: SimulatedCard[], rounds: number, pollIntervalMs: number) {
  let elapsed = 0;
  let bytes = 0;
  let reads = 0;
  for (let round = 0; round < rounds; round++) {
    for (const card of cards) {
      simulator.removeCard();
      while (reader.snapshot().detail.cardPresent) await new Promise((r) => setTimeout(r, 2)); // reader saw it leave
      await new Promise((r) => setTimeout(r, Math.random() * pollIntervalMs));
      const next = reader.readCard({ timeoutMs: 5000 });
      const before = simulator.stats.bytesIn + simulator.stats.bytesOut;
      const t0 = performance.now();
      simulator.placeCard(card.id);
      await next;
      elapsed += performance.now() - t0;
      bytes += simulator.stats.bytesIn + simulator.stats.bytesOut - before;
      reads++;
    }
  }
  return { msPerRead: elapsed / reads, wireMsPerRead: wireMs(bytes / reads), bytesPerRead: bytes / reads };
}

function report(bench: string, r: { msPerRead: number; wireMsPerRead: number; bytesPerRead: number }, extra: Record<string, unknown> = {}) {
  console.log(
    JSON.stringify({
      bench,
      ms: +r.msPerRead.toFixed(2),
      referenceMs: +r.wireMsPerRead.toFixed(2),
      reference: `wire time of ${Math.round(r.bytesPerRead)} bytes at ${BAUD} baud`,
      ratio: +(r.msPerRead / r.wireMsPerRead).toFixed(2),
      ...extra,
    }),
  );
}

const READER: Omit<ReaderServiceOptions, 'transport'> = { pollIntervalMs: 5 };

async function inProcess(cards: SimulatedCard[], pollIntervalMs: number, bench: string) {
  const simulator = createSimulator({ cards, pace: true, baudRate: BAUD });
  const { link } = createInProcessLink(simulator);
  const reader = createReaderService({ ...READER, pollIntervalMs, transport: link.host });
  await reader.start();
  await placeToRecord(reader, simulator, cards.slice(0, 2), 1, pollIntervalMs); // warm-up
  report(bench, await placeToRecord(reader, simulator, cards, pollIntervalMs > 50 ? 1 : 3, pollIntervalMs), { pollIntervalMs });
  await reader.stop();
}

async function overPty(cards: SimulatedCard[]) {
  const dir = mkdtempSync(join(tmpdir(), 'idcard-bench-'));
  const [a, b] = [join(dir, 'A'), join(dir, 'B')];
  const socat = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  const failed = await new Promise<boolean>((resolve) => {
    socat.once('error', () => resolve(true));
    const poll = (n: number) => (existsSync(a) && existsSync(b) ? resolve(false) : n > 200 ? resolve(true) : setTimeout(() => poll(n + 1), 10));
    poll(0);
  });
  if (failed) {
    console.log(JSON.stringify({ bench: 'idcard.placeToRecord.pty', skipped: 'socat not available' }));
    return;
  }
  try {
    const served = await runSimulatorOnSerial({ path: b, baudRate: BAUD, simulator: createSimulator({ cards, pace: true, baudRate: BAUD }) });
    const reader = createReaderService({ ...READER, transport: createSerialTransport({ path: a, baudRate: BAUD }) });
    await reader.start();
    const poll = READER.pollIntervalMs!;
    await placeToRecord(reader, served.simulator, cards.slice(0, 2), 1, poll);
    report('idcard.placeToRecord.pty', await placeToRecord(reader, served.simulator, cards, 3, poll), { pollIntervalMs: poll });
    await reader.stop();
    await served.close();
  } finally {
    socat.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

function codecCpu(cards: SimulatedCard[]) {
  const exchange = cards.map((card) => [
    encodeResponse({ sw3: 0x9f, data: new Uint8Array(4) }),
    encodeResponse({ sw3: 0x90, data: new Uint8Array(8) }),
    card.readFrame ?? encodeResponse({ sw3: 0x90, data: new Uint8Array(1284) }),
  ]);
  const bytesPerRead = exchange.flat().reduce((n, f) => n + f.length, 0) / exchange.length;
  const decodeAll = () => {
    for (const frames of exchange) {
      const decoder = new FrameDecoder({ minLength: MIN_RESPONSE_LENGTH });
      let last: Uint8Array | null = null;
      for (const frame of frames) for (const e of decoder.push(frame)) if (e.kind === 'frame') last = e.body;
      const { text, photo } = parseBaseMessage(last!.subarray(3), { withFingerprint: false });
      parseCardText(text, { photo });
    }
  };
  const xorAll = () => {
    let x = 0;
    for (const frames of exchange) for (const frame of frames) x ^= xorChecksum(frame);
    return x;
  };
  const cpuMs = (fn: () => unknown, iterations: number) => {
    for (let i = 0; i < 200; i++) fn();
    const start = process.cpuUsage();
    for (let i = 0; i < iterations; i++) fn();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000 / iterations / exchange.length;
  };
  const codec = cpuMs(decodeAll, 2000);
  const reference = cpuMs(xorAll, 2000);
  console.log(
    JSON.stringify({
      bench: 'idcard.codecCpuPerRead',
      ms: +codec.toFixed(4),
      referenceMs: +reference.toFixed(4),
      reference: 'XOR over the same reply bytes',
      ratio: +(codec / reference).toFixed(1),
      shareOfWireTime: +(codec / wireMs(bytesPerRead)).toFixed(5),
    }),
  );
}

const cards = await loadFixtureCards();
await inProcess(cards, 5, 'idcard.placeToRecord.inProcess');
await inProcess(cards, 400, 'idcard.placeToRecord.inProcess.defaultPoll');
await overPty(cards);
codecCpu(cards);
process.exit(0);
