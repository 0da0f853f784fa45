// Property test: random and mutated frames at the codec. No crash, no hang (every call returns, bounded by
// its input), only typed outcomes; every frame it yields is valid; no byte is lost or invented.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecodeEvent } from '../../src/idcard/index';
import {
  COMMANDS,
  createMemoryLink,
  createSimulator,
  encodeResponse,
  SamChannel,
  FrameDecoder,
  HEADER_BYTES,
  IdCardError,
  interpretSw3,
  loadFixtureCards,
  MIN_RESPONSE_LENGTH,
  parseBaseMessage,
  parseCardText,
  parseSamId,
  xorChecksum,
} from '../../src/idcard/index';
import { fixtureFrame, fixtureRecords } from './helpers';

const ERROR_CODES = new Set(['garbage', 'badChecksum', 'badLength', 'truncated']);
const validFrames = [
  ...fixtureRecords().slice(0, 4).map(fixtureFrame),
  encodeResponse({ sw3: 0x80 }),
  encodeResponse({ sw3: 0x9f, data: new Uint8Array(4) }),
  encodeResponse({ sw3: 0x90, data: new Uint8Array(8) }),
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 20 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(frame: Uint8Array, ops: unknown[]): Uint8Array {
  let bytes = Array.from(frame);
  for (const op of ops as { kind: string; at: number; bit?: number; count?: number; bytes?: Uint8Array }[]) {
    const at = bytes.length === 0 ? 0 : op.at % bytes.length;
    if (op.kind === 'flip' && bytes.length) bytes[at] = bytes[at]! ^ (1 << op.bit!);
    if (op.kind === 'drop') bytes.splice(at, op.count!);
    if (op.kind === 'insert') bytes.splice(at, 0, ...op.bytes!);
    if (op.kind === 'truncate') bytes = bytes.slice(0, at);
  }
  return Uint8Array.from(bytes);
}

/** A stream: valid frames, mutated frames and random bytes, in random order. */
const stream = fc.array(
  fc.oneof(
    fc.constantFrom(...validFrames),
    fc.tuple(fc.constantFrom(...validFrames), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([f, ops]) => mutate(f, ops)),
    fc.uint8Array({ maxLength: 300 }),
    fc.uint8Array({ maxLength: 40 }).map((tail) => Uint8Array.from([0xaa, 0xaa, 0xaa, 0x96, 0x69, ...tail])),
  ),
  { maxLength: 12 },
);

/** Cut the concatenated stream into random chunks. */
function chunked(parts: Uint8Array[], cuts: number[]): Uint8Array[] {
  const all = Uint8Array.from(parts.flatMap((p) => Array.from(p)));
  const out: Uint8Array[] = [];
  let at = 0;
  for (const c of cuts) {
    if (at >= all.length) break;
    const size = 1 + (c % 700);
    out.push(all.subarray(at, at + size));
    at += size;
  }
  if (at < all.length) out.push(all.subarray(at));
  return out;
}

function checkOnlyTyped(events: DecodeEvent[]): void {
  for (const e of events) {
    if (e.kind === 'frame') {
      const f = e.frame;
      expect(Array.from(f.subarray(0, 5))).toEqual([0xaa, 0xaa, 0xaa, 0x96, 0x69]);
      expect(f.length).toBe(HEADER_BYTES + ((f[5]! << 8) | f[6]!));
      expect(xorChecksum(f, 5, f.length - 1)).toBe(f[f.length - 1]);
    } else {
      expect(ERROR_CODES.has(e.error.code)).toBe(true);
      expect(e.error.droppedBytes).toBeGreaterThan(0); // an error always drops the bytes it is about
    }
  }
}

describe('codec under random and mutated input', () => {
  it('never throws, yields only valid frames or typed errors, and accounts for every byte', () => {
    fc.assert(
      fc.property(stream, fc.array(fc.nat(), { maxLength: 60 }), (parts, cuts) => {
        const decoder = new FrameDecoder({ minLength: MIN_RESPONSE_LENGTH });
        const events: DecodeEvent[] = [];
        let total = 0;
        for (const chunk of chunked(parts, cuts)) {
          total += chunk.length;
          events.push(...decoder.push(chunk));
        }
        events.push(...decoder.idle());
        checkOnlyTyped(events);
        const framed = events.reduce((n, e) => n + (e.kind === 'frame' ? e.frame.length : e.error.droppedBytes), 0);
        expect(framed).toBe(total);
        expect(decoder.pending).toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  it('finds every intact frame that follows damaged input once resynced', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom(...validFrames), (noise, frame) => {
        const decoder = new FrameDecoder({ minLength: MIN_RESPONSE_LENGTH });
        const events = [...decoder.push(noise), ...decoder.idle(), ...decoder.push(frame)];
        const got = events.filter((e) => e.kind === 'frame');
        expect(got.length).toBeGreaterThanOrEqual(1);
        expect(got[got.length - 1]!.kind === 'frame' && Array.from(got[got.length - 1]!.frame)).toEqual(Array.from(frame));
      }),
      { numRuns: 300 },
    );
  });

  it('reply parsers throw nothing but IdCardError on any frame body', () => {
    const typedOnly = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        expect(err).toBeInstanceOf(IdCardError);
      }
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1400 }), fc.boolean(), (data, fp) => {
        typedOnly(() => interpretSw3(data[0] ?? 0));
        typedOnly(() => parseSamId(data));
        typedOnly(() => parseBaseMessage(data, { withFingerprint: fp }));
        typedOnly(() => parseCardText(data));
      }),
      { numRuns: 300 },
    );
  });

  it('parses any 256-byte text block with a known marker without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 256, maxLength: 256 }), fc.constantFrom(0x20, 0x4a, 0x49, 0x59), (block, marker) => {
        block[248] = marker;
        block[249] = 0;
        const card = parseCardText(block);
        expect(typeof card.name).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});

describe('SAM channel under random replies', () => {
  it('settles every exchange with a reply or an IdCardError, within its timeout', async () => {
    await fc.assert(
      fc.asyncProperty(stream, fc.array(fc.nat(), { maxLength: 20 }), async (parts, cuts) => {
        const link = createMemoryLink();
        await link.host.open();
        const channel = new SamChannel(link.host, { idleGapMs: 5 });
        channel.attach();
        link.device.onData(() => {
          for (const chunk of chunked(parts, cuts)) void link.device.write(chunk);
        });
        const started = performance.now();
        const outcome = await channel.exchange(COMMANDS.findCard, { timeoutMs: 40 }).then(
          (reply) => reply.status.code,
          (err: unknown) => {
            expect(err).toBeInstanceOf(IdCardError);
            return (err as IdCardError).code;
          },
        );
        expect(typeof outcome).toBe('string');
        expect(performance.now() - started).toBeLessThan(1000);
        channel.detach();
      }),
      { numRuns: 60 },
    );
  });
});

describe('simulator under random requests', () => {
  it('never throws and only ever answers with valid frames', async () => {
    const cards = await loadFixtureCards();
    await fc.assert(
      fc.asyncProperty(stream, fc.array(fc.nat(), { maxLength: 20 }), fc.boolean(), async (parts, cuts, withCard) => {
        const simulator = createSimulator({ cards, idleGapMs: 5, seed: 1 });
        if (withCard) simulator.placeCard('res01');
        const link = createMemoryLink();
        simulator.attach(link.device);
        await link.host.open();
        const decoder = new FrameDecoder({ minLength: MIN_RESPONSE_LENGTH });
        const replies: DecodeEvent[] = [];
        link.host.onData((chunk) => replies.push(...decoder.push(chunk)));
        for (const chunk of chunked(parts, cuts)) await link.host.write(chunk);
        await new Promise((r) => setTimeout(r, 20));
        expect(replies.every((e) => e.kind === 'frame')).toBe(true);
        expect(decoder.pending).toBe(0);
      }),
      { numRuns: 60 },
    );
  });
});
