// Soak part "frames": 10^6 random and mutated reader frames. Real frames come from the simulator (every
// command's reply for every fixture card, and the requests); a seeded PRNG mutates them (bit flips, byte
// changes, cuts, insertions, splices, forged lengths, bodies changed under a recomputed checksum so the
// damage reaches the parsers) or makes pure noise. Each goes through the streaming decoder in random chunks,
// and every frame it yields through the parsers the reader service applies to that reply (status, SAM ID,
// base message, card text, new addresses): anything thrown must be the driver's IdCardError.
// Then a share of them goes live through the reader service (the simulator behind an in-process link whose
// replies are mutated in flight): no crash, no unhandled rejection, every error event typed, a watchdog per
// batch (the reader keeps exchanging), and a clean read once the line is clean again.
import {
  COMMANDS, createInProcessLink, createReaderService, createSimulator, encodeCommand, encodeFrame, FrameDecoder,
  IdCardError, interpretSw3, loadFixtureCards, parseBaseMessage, parseCardText, parseSamId, PREAMBLE,
  type ByteTransport, type ReaderEvent, type SamCommand,
} from '@easydo/device-drivers/idcard/index';
import { parseNewAddresses } from '@easydo/device-drivers/idcard/protocol/sam-procedures';
import { seededRandom } from '@easydo/device-drivers/idcard/simulator/faults';
import { check, finish, partArgs, sized, sleep, within } from './report';

const args = partArgs();
const TOTAL = sized(args, 1_000_000, 50_000);
/** Of those, how many go through the live reader service (each costs an exchange, some a timeout). */
const LIVE = Math.min(TOTAL, sized({ ...args, size: null }, 10_000, 500));
const BATCH = 200;
const SEED = Number(process.env.SOAK_SEED ?? 20240613);
const rnd = seededRandom(SEED);
const int = (n: number) => Math.floor(rnd() * n);

/** Every reply the simulator gives to every command, per fixture card, plus the requests themselves. */
async function realFrames(): Promise<Uint8Array[]> {
  const cards = await loadFixtureCards();
  const sim = createSimulator({ cards, seed: SEED });
  const out: Uint8Array[] = [];
  let deliver: (b: Uint8Array) => void = () => undefined;
  sim.attach({ write: async (b) => void out.push(b.slice()), onData: (l) => ((deliver = l), () => undefined) });
  const ask = async (c: SamCommand) => {
    const before = out.length;
    out.push(encodeCommand(c));
    deliver(encodeCommand(c));
    for (let i = 0; i < 200 && out.length === before + 1; i++) await sleep(1);
  };
  const all = Object.values(COMMANDS) as SamCommand[];
  for (const c of all) await ask(c); // no card: status replies
  for (const card of cards) {
    sim.placeCard(card.id);
    for (const c of all) await ask(c);
    sim.removeCard();
  }
  return out;
}

/** One mutated (or fresh random) byte string from the corpus. */
function mutate(corpus: Uint8Array[]): Uint8Array {
  const base = corpus[int(corpus.length)]!;
  const f = base.slice();
  switch (int(11)) {
    case 0: { // bit flips
      for (let k = 1 + int(4); k > 0; k--) f[int(f.length)]! ^= 1 << int(8);
      return f;
    }
    case 1: { // random bytes overwritten
      for (let k = 1 + int(8); k > 0; k--) f[int(f.length)] = int(256);
      return f;
    }
    case 2: return f.subarray(0, int(f.length)); // cut short
    case 3: { // bytes inserted
      const at = int(f.length + 1);
      const ins = Uint8Array.from({ length: 1 + int(16) }, () => int(256));
      return concat(f.subarray(0, at), ins, f.subarray(at));
    }
    case 4: { // a range deleted
      const at = int(f.length);
      return concat(f.subarray(0, at), f.subarray(at + 1 + int(64)));
    }
    case 5: { // spliced with another frame
      const other = corpus[int(corpus.length)]!;
      return concat(f.subarray(0, int(f.length)), other.subarray(int(other.length)));
    }
    case 6: { // forged length field (checksum left as it was)
      if (f.length > 6) { f[5] = int(256); f[6] = int(256); }
      return f;
    }
    case 7: // body changed, checksum recomputed: valid framing, damaged content for the parsers
    case 8: {
      const body = f.length > 8 ? f.slice(7, f.length - 1) : Uint8Array.of(int(256), int(256), int(256));
      for (let k = 1 + int(12); k > 0; k--) body[int(body.length)] = int(256);
      // Sometimes the body grows or shrinks too (lengths inside the data no longer add up).
      const resized = int(3) === 0 ? body.subarray(0, int(body.length) + 1) : int(3) === 0 ? concat(body, Uint8Array.from({ length: int(300) }, () => int(256))) : body;
      return encodeFrame(resized);
    }
    case 9: { // preambles sprinkled in (the decoder must not re-sync on them inside a frame)
      for (let k = 1 + int(3); k > 0; k--) f.set(PREAMBLE.subarray(0, 1 + int(PREAMBLE.length)), int(Math.max(1, f.length - PREAMBLE.length)));
      return f;
    }
    default: return Uint8Array.from({ length: int(2400) }, () => int(256)); // pure noise
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

const untyped: string[] = [];
let parsed = 0;
let parseErrors = 0;
const typed = (fn: () => unknown) => {
  try {
    fn();
    parsed++;
  } catch (e) {
    if (e instanceof IdCardError) parseErrors++;
    else if (untyped.length < 5) untyped.push(`${(e as Error).name}: ${(e as Error).message}`);
    else untyped.push('');
  }
};

/** What the reader service does with a reply body (SW1 SW2 SW3 DATA), every parser it could reach. */
function parseReply(body: Uint8Array) {
  if (body.length < 3) return;
  typed(() => interpretSw3(body[2]!, body[0], body[1]));
  const data = body.subarray(3);
  typed(() => parseSamId(data));
  for (const fp of [false, true]) {
    typed(() => {
      const m = parseBaseMessage(data, { withFingerprint: fp });
      parseCardText(m.text, { photo: m.photo });
    });
  }
  typed(() => parseCardText(data.subarray(0, 256)));
  typed(() => parseNewAddresses(data));
}

function throughCodec(corpus: Uint8Array[], count: number) {
  const decoder = new FrameDecoder({ minLength: 4 });
  let frames = 0;
  let frameErrors = 0;
  for (let done = 0; done < count; done++) {
    const bytes = mutate(corpus);
    // Random chunking: the decoder must not care where the OS splits the stream.
    for (let at = 0; at < bytes.length;) {
      const n = 1 + int(Math.max(1, bytes.length));
      for (const ev of decoder.push(bytes.subarray(at, at + n))) {
        if (ev.kind === 'frame') { frames++; parseReply(ev.body); } else frameErrors++;
      }
      at += n;
    }
    // An idle gap now and then, as the reader service reports on a quiet line.
    if (int(4) === 0) frameErrors += decoder.idle().length;
  }
  return { frames, frameErrors, pending: decoder.pending };
}

/** The in-process link with the reply stream mutated in flight (the reader side sees the damage). */
function damagingTransport(inner: ByteTransport, corpus: Uint8Array[], state: { on: boolean; mutated: number }): ByteTransport {
  return {
    get kind() { return inner.kind; },
    get description() { return `${inner.description} (mutated)`; },
    get isOpen() { return inner.isOpen; },
    open: () => inner.open(),
    close: () => inner.close(),
    write: (b) => inner.write(b),
    onClose: (l) => inner.onClose(l),
    onData: (listener) => inner.onData((chunk) => {
      // A share of the replies only, so the reader keeps getting through its states (online, polling, reading)
      // and the damage lands in every one of them.
      if (!state.on || rnd() >= 0.3) return listener(chunk);
      state.mutated++;
      // Mostly the real reply damaged; sometimes another real frame, mutated, in its place.
      listener(int(4) === 0 ? mutate(corpus) : mutate([chunk]));
    }),
  };
}

const snapshotPhase = (r: { snapshot(): { detail: Record<string, unknown> } }) => r.snapshot().detail['phase'];

async function throughReader(corpus: Uint8Array[], count: number) {
  const cards = await loadFixtureCards();
  const simulator = createSimulator({ cards, seed: SEED });
  const { link } = createInProcessLink(simulator);
  const state = { on: false, mutated: 0 };
  const reader = createReaderService({
    transport: damagingTransport(link.host, corpus, state),
    pollIntervalMs: 1, reconnectIntervalMs: 5, idleGapMs: 10,
    timeouts: { open: 500, resetSam: 80, samStatus: 80, samId: 80, findCard: 80, selectCard: 80, readBase: 150, readBaseFingerprint: 150, readNewAddress: 80 },
  });
  const codes = new Map<string, number>();
  let cardReads = 0;
  let badEvents = 0;
  reader.onEvent((e: ReaderEvent) => {
    if (e.type === 'error') {
      const code = e.error.code;
      if (typeof code !== 'string' || code.length === 0) badEvents++;
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    if (e.type === 'card-read') {
      cardReads++;
      // Next card at once: reads are where the big frames (text + photo) travel.
      simulator.removeCard();
      setTimeout(() => simulator.placeCard(cards[int(cards.length)]!.id), 2);
    }
  });
  await within(reader.start(), 10_000, 'reader start');
  simulator.placeCard(cards[0]!.id);
  state.on = true;
  let hangs = 0;
  let hangDetail = '';
  let worstBatchMs = 0;
  while (state.mutated < count) {
    const goal = Math.min(count, state.mutated + BATCH);
    const t0 = Date.now();
    // Watchdog: a batch of damaged replies must be consumed (each ends in a frame, an error or a timeout).
    while (state.mutated < goal && Date.now() - t0 < 60_000) await sleep(20);
    if (state.mutated < goal) {
      hangs++;
      const snap = reader.snapshot();
      hangDetail = `reader ${snap.status} in phase ${String(snapshotPhase(reader))} after ${state.mutated} frames, simulator requests ${simulator.stats.requests}, last ${JSON.stringify(simulator.history.slice(-3))}, detail ${JSON.stringify(snap.detail)} lastError ${JSON.stringify(snap.lastError ?? null)}`;
      break;
    }
    worstBatchMs = Math.max(worstBatchMs, Date.now() - t0);
  }
  state.on = false;
  // A clean line again: the reader must read the next card.
  simulator.removeCard();
  await sleep(200);
  const readsBefore = cardReads;
  simulator.placeCard(cards[1]!.id);
  let recovered = true;
  try {
    await within((async () => { while (cardReads === readsBefore) await sleep(10); })(), 10_000, 'a clean read after the damage');
  } catch {
    recovered = false;
  }
  let stopped = true;
  await within(reader.stop(), 10_000, 'reader stop').catch(() => (stopped = false));
  return { hangDetail, mutated: state.mutated, cardReads, codes, badEvents, hangs, worstBatchMs, recovered, stopped };
}

async function main() {
  let unhandled = 0;
  process.on('unhandledRejection', () => void unhandled++);
  process.on('uncaughtException', () => void unhandled++);
  const t0 = Date.now();
  const corpus = await realFrames();
  const codecCount = TOTAL - LIVE;
  // Watchdog per batch in the codec too: a batch that takes minutes is a hang (quadratic resync, say).
  let codecWorstMs = 0;
  let codecSlow = 0;
  const totals = { frames: 0, frameErrors: 0 };
  for (let done = 0; done < codecCount; done += 10_000) {
    const b0 = Date.now();
    const r = throughCodec(corpus, Math.min(10_000, codecCount - done));
    totals.frames += r.frames;
    totals.frameErrors += r.frameErrors;
    const ms = Date.now() - b0;
    codecWorstMs = Math.max(codecWorstMs, ms);
    if (ms > 30_000) codecSlow++;
  }
  const codecS = (Date.now() - t0) / 1000;
  const live = await throughReader(corpus, LIVE);
  const elapsed = (Date.now() - t0) / 1000;
  const untypedCount = untyped.length;
  finish('frames', {
    frames: codecCount + live.mutated, codecFrames: codecCount, readerFrames: live.mutated, corpus: corpus.length, seed: SEED,
    decodedWholeFrames: totals.frames, frameErrors: totals.frameErrors, parsedOk: parsed, typedParseErrors: parseErrors,
    untypedErrors: untypedCount, readerCardReads: live.cardReads,
    readerErrors: [...live.codes].map(([k, v]) => `${k}:${v}`).join('|') || 'none',
    crashes: unhandled, hangs: live.hangs + codecSlow, worstCodecBatchMs: codecWorstMs, worstReaderBatchMs: live.worstBatchMs,
    codecFramesPerS: codecCount / codecS, elapsedS: elapsed,
  }, [
    check(untypedCount === 0, `${untypedCount} untyped error(s) from the parsers, e.g. ${untyped.filter(Boolean).join(' / ')}`),
    check(unhandled === 0, `${unhandled} uncaught exception(s) or unhandled rejection(s)`),
    check(live.hangs === 0 && codecSlow === 0, `a batch hung (reader ${live.hangs}, codec ${codecSlow}) ${live.hangDetail}`),
    check(live.badEvents === 0, `${live.badEvents} error event(s) without a code`),
    check(live.recovered, 'the reader did not read a card once the line was clean again'),
    check(live.stopped, 'the reader did not stop'),
    check(live.mutated >= LIVE, `only ${live.mutated} of ${LIVE} frames reached the reader`),
  ]);
}

await main();
