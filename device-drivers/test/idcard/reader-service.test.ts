import { describe, expect, it } from 'vitest';
import type { WltDecoder } from '../../src/idcard/index';
import { cardToJson, IdCardError, parseCardholders } from '../../src/idcard/index';
import { cardFields, fixtureRecords, waitFor, readerTracker } from './helpers';

const records = fixtureRecords();
const { started } = readerTracker();

describe('reader service over the in-process link', () => {
  it('initialises the SAM and reports online with the SAM ID', async () => {
    const { reader, simulator } = await started();
    const snap = reader.snapshot();
    expect(snap).toMatchObject({ kind: 'idReader', status: 'online', lastError: null });
    expect(snap.detail).toMatchObject({ samId: '05.01-20260101-0012345678-1234567890', transport: 'memory', cardPresent: false });
    expect(simulator.history.slice(0, 3).map((h) => h.command)).toEqual(['resetSam', 'samStatus', 'samId']);
  });

  it('reads every fixture card, reporting present → read → removed for each', async () => {
    const { reader, simulator, events } = await started();
    for (const record of records) {
      const next = reader.readCard({ timeoutMs: 3000 });
      simulator.placeCard(record.id);
      const { card } = await next;
      const json = cardToJson(card, { includePhoto: false });
      for (const [key, value] of Object.entries(cardFields(record))) expect(json[key], `${record.id}.${key}`).toEqual(value);
      simulator.removeCard();
      await waitFor(() => events.at(-1)?.type === 'card-removed', 2000, `${record.id} removal`);
    }
    expect(events.map((e) => e.type)).toEqual(records.flatMap(() => ['card-present', 'card-read', 'card-removed']));
    expect(reader.snapshot().counters.cardsRead).toBe(12);
    expect(simulator.stats.maxOutstanding).toBe(1);
  });

  it('reports a card once while it stays on the reader', async () => {
    const { reader, simulator, ofType } = await started();
    simulator.placeCard('res01');
    await reader.readCard({ timeoutMs: 2000 });
    const finds = simulator.stats.byCommand.findCard ?? 0;
    await waitFor(() => (simulator.stats.byCommand.findCard ?? 0) > finds + 10, 3000, 'more polls');
    expect(ofType('card-read')).toHaveLength(1);
    expect(simulator.stats.byCommand.readBase).toBe(1);
    expect(reader.snapshot().detail).toMatchObject({ cardPresent: true, phase: 'waitingRemoval' });
  });

  it('with a SAM that halts read cards, still reads each placement once', async () => {
    const { reader, simulator, ofType } = await started({ afterRead: 'haltedUntilRemoved' });
    simulator.placeCard('hmt01');
    await reader.readCard({ timeoutMs: 2000 });
    await waitFor(() => ofType('card-removed').length === 1, 2000, 'early removal report');
    await new Promise((r) => setTimeout(r, 100));
    expect(ofType('card-read')).toHaveLength(1);
    simulator.removeCard();
    simulator.placeCard('hmt01');
    await reader.readCard({ timeoutMs: 2000 });
    expect(ofType('card-read')).toHaveLength(2);
  });

  it('reads fingerprints and appended addresses when asked', async () => {
    const { reader, simulator, ofType } = await started({}, { readFingerprint: true, readNewAddress: true });
    const record = parseCardholders({ ...records[0]!, id: 'moved', readFrameFile: null, newAddresses: ['广东省深圳市南山区科技园路1号'] })[0]!;
    simulator.placeCard(record);
    const { card } = await reader.readCard({ timeoutMs: 2000 });
    expect(card.fingerprint?.length).toBe(1024);
    expect(card.newAddresses).toEqual(['广东省深圳市南山区科技园路1号']);
    expect(card.name).toBe(records[0]!.name);
    simulator.removeCard();
    await waitFor(() => ofType('card-removed').length === 1, 2000, 'removal');
    simulator.placeCard('res02');
    const second = await reader.readCard({ timeoutMs: 2000 });
    expect(second.card.newAddresses).toEqual([]);
    expect(simulator.history.some((h) => h.command === 'readNewAddress' && h.sw3 === 0x91)).toBe(true);
  });

  it('cancel aborts a read in flight and leaves that card alone until it is removed', async () => {
    const { reader, simulator, ofType } = await started({ rfReadDelayMs: 300 });
    const waiting = reader.readCard();
    simulator.placeCard('res03');
    await waitFor(() => reader.snapshot().detail.phase === 'reading' && simulator.history.at(-1)?.command === 'selectCard', 2000, 'read in flight');
    await new Promise((r) => setTimeout(r, 20));
    reader.cancel();
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
    await new Promise((r) => setTimeout(r, 500));
    expect(ofType('card-read')).toHaveLength(0);
    expect(reader.snapshot().status).toBe('online');
    simulator.removeCard();
    await waitFor(() => ofType('card-removed').length === 1, 2000, 'removal');
    simulator.placeCard('res03');
    await reader.readCard({ timeoutMs: 2000 });
  });

  it('times out a stage that gets no reply, and retries the card', async () => {
    const { reader, simulator, ofType } = await started();
    simulator.setFault({ kind: 'silence', commands: ['readBase'], times: 1 });
    simulator.placeCard('frn17a');
    const { card } = await reader.readCard({ timeoutMs: 3000 });
    expect(card.cardType).toBe('foreigner_2017');
    expect(ofType('error').map((e) => e.error)).toEqual([expect.objectContaining({ code: 'timeout', stage: 'readBase' })]);
    expect(ofType('error')[0]!.willRetry).toBe(true);
    expect(reader.snapshot().counters.readErrors).toBe(1);
  });

  it('gives up on a card after maxReadAttempts and says so', async () => {
    const { reader, simulator, ofType } = await started({}, { maxReadAttempts: 2 });
    simulator.setFault({ kind: 'status', sw3: 0x41, commands: ['readBase'] });
    simulator.placeCard('res04');
    await waitFor(() => ofType('error').length === 2, 2000, 'two failures');
    await new Promise((r) => setTimeout(r, 100));
    expect(ofType('error').map((e) => [e.error.code, e.willRetry])).toEqual([
      ['readFailed', true],
      ['readFailed', false],
    ]);
    expect(simulator.stats.byCommand.readBase).toBe(2);
    expect(reader.snapshot().lastError).toMatchObject({ code: 'readFailed' });
  });

  it('gives every concurrent readCard() the same single read', async () => {
    const { reader, simulator } = await started();
    const a = reader.readCard();
    const b = reader.readCard();
    simulator.placeCard('frn23a');
    const [ea, eb] = await Promise.all([a, b]);
    expect(ea).toBe(eb);
    expect(simulator.stats.byCommand.readBase).toBe(1);
    expect(simulator.stats.maxOutstanding).toBe(1);
  });

  it('rejects readCard on timeout and on stop', async () => {
    const { reader } = await started();
    await expect(reader.readCard({ timeoutMs: 30 })).rejects.toMatchObject({ code: 'timeout' });
    const pending = reader.readCard();
    await reader.stop();
    await expect(pending).rejects.toBeInstanceOf(IdCardError);
    expect(reader.snapshot()).toMatchObject({ status: 'offline', detail: { phase: 'stopped' } });
  });

  it('reports an unplug as noDevice and comes back online when replugged', async () => {
    const { reader, simulator, link, ofType } = await started();
    link.unplug();
    await waitFor(() => reader.snapshot().status === 'noDevice', 2000, 'noDevice');
    expect(ofType('error').at(-1)?.error.code).toBe('noDevice');
    await new Promise((r) => setTimeout(r, 200)); // several failed reopen attempts: reported once
    expect(ofType('error').filter((e) => e.error.code === 'noDevice')).toHaveLength(1);
    link.plug();
    await waitFor(() => reader.snapshot().status === 'online', 2000, 'online again');
    expect(reader.snapshot().counters.reconnects).toBe(1);
    simulator.placeCard('res05');
    expect((await reader.readCard({ timeoutMs: 2000 })).card.validTo).toBe('长期');
  });

  it('hands the photo to a pluggable WLT decoder, and survives one that fails', async () => {
    const seen: number[] = [];
    const decoder: WltDecoder = {
      name: 'fake',
      decode: async (wlt) => {
        seen.push(wlt.length);
        if (seen.length > 1) throw new Error('licence expired');
        return { mimeType: 'image/bmp', width: 102, height: 126, bytes: new Uint8Array(38862) };
      },
    };
    const { reader, simulator, ofType } = await started({}, { wltDecoder: decoder });
    expect(reader.snapshot().capabilities.photo).toBe('wlt+fake');
    simulator.placeCard('res01');
    expect((await reader.readCard({ timeoutMs: 2000 })).photoImage).toMatchObject({ width: 102, height: 126 });
    simulator.removeCard();
    await waitFor(() => ofType('card-removed').length === 1, 2000, 'removal');
    simulator.placeCard('res02');
    const second = await reader.readCard({ timeoutMs: 2000 });
    expect(second.photoImage).toBeNull();
    expect(second.card.photo?.length).toBe(1024);
    expect(reader.snapshot().counters.photoDecodeErrors).toBe(1);
    expect(seen).toEqual([1024, 1024]);
  });

  it('refuses a baud change on a transport without one', async () => {
    const { reader } = await started();
    await expect(reader.changeBaudRate(9600)).rejects.toMatchObject({ code: 'unsupportedBaudRate' });
    expect(reader.snapshot().status).toBe('online');
  });
});
