import { afterEach } from 'vitest';
// Shared test helpers: the fixture cards, a socat pty pair, and polling waits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReaderEvent, ReaderServiceOptions, SimulatorOptions } from '../../src/idcard/index';
import { createInProcessLink, createReaderService, createSimulator, defaultFixtureDir, fromHex, loadFixtureCards } from '../../src/idcard/index';

export const FIXTURE_DIR = defaultFixtureDir();

/** Fixture fields that document the fixture rather than being card data. */
export const DOC_FIELDS = new Set(['id', 'cardTypeMarker', 'expiredBefore20260101', 'edgeCases', 'readFrameFile']);

export type FixtureRecord = Record<string, unknown> & { id: string; cardType: string; readFrameFile: string };

export function fixtureRecords(): FixtureRecord[] {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, 'cardholders.json'), 'utf8')) as FixtureRecord[];
}

export function fixtureFrame(record: FixtureRecord): Uint8Array {
  return fromHex(readFileSync(join(FIXTURE_DIR, record.readFrameFile), 'utf8'));
}

/** The card-data fields of a fixture record (documentation fields dropped). */
export function cardFields(record: FixtureRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !DOC_FIELDS.has(k)));
}

/** Photo SHA-256 per card id, from the table in frames.md. */
export function fixturePhotoDigests(): Map<string, string> {
  const md = readFileSync(join(FIXTURE_DIR, 'frames.md'), 'utf8');
  const out = new Map<string, string>();
  for (const m of md.matchAll(/^\| (\w+) \| `([0-9a-f]{64})` \|$/gm)) out.set(m[1]!, m[2]!);
  return out;
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export { createPtyPair, type PtyPair } from './pty-pair';

// ---- in-process reader + simulator ------------------------------------------------------------------------


/**
 * Short timeouts so failure paths run in well under a second, with headroom for a loaded CI machine (a stall
 * longer than a timeout would show up as a spurious error event).
 */
export const FAST_READER: Omit<ReaderServiceOptions, 'transport'> = {
  pollIntervalMs: 10,
  reconnectIntervalMs: 50,
  idleGapMs: 100,
  timeouts: { open: 1000, resetSam: 500, samStatus: 300, samId: 300, findCard: 300, selectCard: 500, readBase: 1000, readBaseFingerprint: 1000, readNewAddress: 500 },
};

export async function inProcessReader(sim: SimulatorOptions = {}, reader: Partial<ReaderServiceOptions> = {}) {
  const simulator = createSimulator({ cards: await loadFixtureCards(), seed: 7, ...sim });
  const { link } = createInProcessLink(simulator);
  const service = createReaderService({ ...FAST_READER, ...reader, transport: reader.transport ?? link.host });
  const events: ReaderEvent[] = [];
  service.onEvent((e) => events.push(e));
  const ofType = <T extends ReaderEvent['type']>(type: T) => events.filter((e): e is Extract<ReaderEvent, { type: T }> => e.type === type);
  return { simulator, link, reader: service, events, ofType };
}

/**
 * Tracks the readers a test file starts and stops every one of them after each test (call once at the top of
 * the file: it registers the afterEach hook). `started` builds and starts an in-process reader; `track` adds one
 * the test starts itself.
 */
export function readerTracker() {
  let running: Array<{ stop(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(running.map((r) => r.stop()));
    running = [];
  });
  const track = <R extends { stop(): Promise<void> }>(reader: R): R => {
    running.push(reader);
    return reader;
  };
  const started = async (...args: Parameters<typeof inProcessReader>) => {
    const setup = await inProcessReader(...args);
    track(setup.reader);
    await setup.reader.start();
    return setup;
  };
  return { started, track };
}
