// Each simulator fault gives the reader the right typed outcome.
import { describe, expect, it } from 'vitest';
import type { SimulatorFault } from '../../src/idcard/index';
import { createMemoryLink, createSimulator, encodeRequest, FrameDecoder, fromHex, interpretSw3, SW3 } from '../../src/idcard/index';
import { fixtureRecords, inProcessReader, waitFor, readerTracker } from './helpers';

const records = fixtureRecords();
const { started, track } = readerTracker();

/**
 * For the cases that assert "no error at all": a few hundred paced pieces per card on a loaded 2-core machine can
 * outlast FAST_READER's step timeouts and idle gap, which would be a spurious timeout, not a fault the reader
 * missed. These bounds never matter; a frame that is really never put together still fails (as a timeout error).
 */
const PATIENT: Parameters<typeof started>[1] = {
  idleGapMs: 2000,
  timeouts: { open: 20_000, resetSam: 20_000, samStatus: 20_000, samId: 20_000, findCard: 20_000, selectCard: 20_000, readBase: 20_000, readBaseFingerprint: 20_000, readNewAddress: 20_000 },
};
const PATIENT_CASE_MS = 600_000;

async function readAll(setup: Awaited<ReturnType<typeof started>>) {
  for (const record of records) {
    const next = setup.reader.readCard({ timeoutMs: 60_000 });
    setup.simulator.placeCard(record.id);
    const { card } = await next;
    expect(card.idNumber).toBe(record.idNumber);
    expect(card.name).toBe(record.name);
    setup.simulator.removeCard();
    await waitFor(() => setup.events.at(-1)?.type === 'card-removed', 60_000, 'removal');
  }
}

describe('faults the reader recovers from transparently', () => {
  it('split frames: replies in random pieces with gaps still read every card', async () => {
    const setup = await started({}, PATIENT);
    setup.simulator.setFault({ kind: 'splitFrames', maxChunk: 9, maxGapMs: 3 });
    await readAll(setup);
    expect(setup.ofType('error')).toEqual([]);
    expect(setup.simulator.history.at(-1)?.faults).toContain('splitFrames');
  }, PATIENT_CASE_MS);

  it('garbage bytes before replies: resync, every card read, frame errors counted', async () => {
    const setup = await started({}, PATIENT);
    setup.simulator.setFault({ kind: 'garbage', bytes: 17 });
    await readAll(setup);
    expect(setup.ofType('error')).toEqual([]);
    expect(setup.reader.snapshot().counters.frameErrors).toBeGreaterThan(0);
  }, PATIENT_CASE_MS);
});

describe('faults with a typed outcome', () => {
  it('bad checksum on the read → badChecksum error, then the retry reads the card', async () => {
    const { reader, simulator, ofType } = await started();
    simulator.setFault({ kind: 'badChecksum', commands: ['readBase'], times: 1 });
    simulator.placeCard('res06');
    const { card } = await reader.readCard({ timeoutMs: 3000 });
    expect(card.idNumber).toBe('44030719910726051X');
    expect(ofType('error').map((e) => e.error)).toEqual([expect.objectContaining({ code: 'badChecksum', stage: 'readBase' })]);
  });

  it('bad length on find → badLength error, polling goes on', async () => {
    const { reader, simulator, ofType } = await started();
    simulator.setFault({ kind: 'badLength', commands: ['findCard'], times: 1 });
    await waitFor(() => ofType('error').length === 1, 2000, 'error');
    expect(ofType('error')[0]!.error).toMatchObject({ code: 'badLength', stage: 'findCard' });
    simulator.placeCard('hmt02');
    expect((await reader.readCard({ timeoutMs: 2000 })).card.cardType).toBe('hmt_permit');
  });

  it('no SAM → hardwareError with samSelfTestFailed; online once the SAM answers', async () => {
    const { reader, simulator, ofType } = await inProcessReader({});
    track(reader);
    simulator.setFault({ kind: 'noSam' });
    await reader.start();
    expect(reader.snapshot()).toMatchObject({ status: 'hardwareError', lastError: { code: 'samSelfTestFailed' } });
    expect(ofType('error')[0]!.error).toMatchObject({ code: 'samSelfTestFailed', sw3: 0x60 });
    simulator.setFault(null);
    await waitFor(() => reader.snapshot().status === 'online', 2000, 'online');
    expect(reader.snapshot().lastError).toBeNull();
  });

  it('SAM not authorised mid-session → hardwareError samNotAuthorized', async () => {
    const { reader, simulator } = await started();
    simulator.setFault({ kind: 'noSam', sw3: 0x66 });
    await waitFor(() => reader.snapshot().status === 'hardwareError', 2000, 'hardwareError');
    expect(reader.snapshot().lastError?.code).toBe('samNotAuthorized');
  });

  it('silence → offline after repeated timeouts; online again when it answers', async () => {
    const { reader, simulator, ofType } = await started();
    simulator.setFault({ kind: 'silence' });
    await waitFor(() => reader.snapshot().status === 'offline', 3000, 'offline');
    expect(reader.snapshot().lastError?.code).toBe('timeout');
    expect(ofType('error').at(-1)?.error.code).toBe('timeout');
    expect(reader.snapshot().counters.timeouts).toBeGreaterThanOrEqual(3);
    simulator.setFault(null);
    await waitFor(() => reader.snapshot().status === 'online', 3000, 'online');
    expect(reader.snapshot().counters.reconnects).toBe(1);
  });

  it('card removed mid-read → readFailed, then card-removed', async () => {
    const { reader, simulator, ofType, events } = await started({ rfReadDelayMs: 40 });
    simulator.setFault({ kind: 'removeMidRead', times: 1 });
    simulator.placeCard('frn23b');
    await waitFor(() => ofType('card-removed').length === 1, 3000, 'removal');
    expect(events.map((e) => e.type)).toEqual(['card-present', 'error', 'card-removed']);
    expect(ofType('error')[0]!.error).toMatchObject({ code: 'readFailed', stage: 'readBase', sw3: 0x41 });
    expect(simulator.currentCard).toBeNull();
    expect(reader.snapshot().counters.cardsRead).toBe(0);
  });

  const failing = Object.entries(SW3).filter(([code]) => !['ok', 'cardFound', 'noContent', 'samSelfTestFailed', 'samNotAuthorized'].includes(code));
  it.each(failing)('SW3 %s on select → a typed %s error, then a good read', async (code, sw3) => {
    const { reader, simulator, ofType } = await started();
    simulator.setFault({ kind: 'status', sw3, commands: ['selectCard'], times: 1 } as SimulatorFault);
    simulator.placeCard('res01');
    await reader.readCard({ timeoutMs: 2000 });
    expect(ofType('error').map((e) => e.error)).toEqual([{ code, message: expect.any(String), stage: 'selectCard', sw3 }]);
  });

  it('an unknown SW3 is typed unknownStatus', async () => {
    const { reader, simulator, ofType } = await started();
    simulator.setFault({ kind: 'status', sw3: 0x77, commands: ['readBase'], times: 1 });
    simulator.placeCard('res02');
    await reader.readCard({ timeoutMs: 2000 });
    expect(ofType('error')[0]!.error).toMatchObject({ code: 'unknownStatus', sw3: 0x77 });
  });
});

describe('simulator answers malformed requests like a SAM', () => {
  async function ask(bytes: Uint8Array): Promise<number> {
    const simulator = createSimulator();
    const link = createMemoryLink();
    simulator.attach(link.device);
    await link.host.open();
    const decoder = new FrameDecoder({ minLength: 4 });
    const reply = new Promise<number>((resolve) =>
      link.host.onData((chunk) => {
        for (const e of decoder.push(chunk)) if (e.kind === 'frame') resolve(e.body[2]!);
      }),
    );
    await link.host.write(bytes);
    return reply;
  }

  it('bad checksum → 10, bad length → 11, unknown command → 21, select before find → 81, read before select → 41', async () => {
    const badChk = encodeRequest(0x20, 0x01);
    badChk[badChk.length - 1]! ^= 1;
    expect(interpretSw3(await ask(badChk)).code).toBe('hostChecksumError');
    expect(interpretSw3(await ask(fromHex('AAAAAA9669 0001 00'))).code).toBe('hostLengthError');
    expect(interpretSw3(await ask(encodeRequest(0x7e, 0x01))).code).toBe('commandError');
    expect(interpretSw3(await ask(encodeRequest(0x60, 0x09))).code).toBe('commandError');
    expect(interpretSw3(await ask(encodeRequest(0x20, 0x02))).code).toBe('selectFailed');
    expect(interpretSw3(await ask(encodeRequest(0x30, 0x01))).code).toBe('readFailed');
    expect(interpretSw3(await ask(encodeRequest(0x20, 0x01))).code).toBe('noCard');
  });
});
