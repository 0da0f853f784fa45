// The reader on one end of a real socat pty pair, the simulator on the other: real serial ports, real bytes.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdCardReaderService, ReaderEvent, SerialSimulator } from '../../src/idcard/index';
import { cardToJson, createReaderService, createSerialTransport, createSimulator, loadFixtureCards, runSimulatorOnSerial } from '../../src/idcard/index';
import type { PtyPair } from './helpers';
import { cardFields, createPtyPair, FAST_READER, fixturePhotoDigests, fixtureRecords, waitFor } from './helpers';

const records = fixtureRecords();
const digests = fixturePhotoDigests();

describe('reader ↔ simulator over a socat pty pair', () => {
  let pty: PtyPair;
  let served: SerialSimulator;
  let reader: IdCardReaderService;
  const events: ReaderEvent[] = [];

  beforeAll(async () => {
    pty = await createPtyPair();
    served = await runSimulatorOnSerial({ path: pty.b, simulator: createSimulator({ cards: await loadFixtureCards(), seed: 3 }) });
    reader = createReaderService({
      ...FAST_READER,
      transport: createSerialTransport({ path: pty.a, baudRate: 115200 }),
      reconnectIntervalMs: 100,
    });
    reader.onEvent((e) => events.push(e));
    await reader.start();
  });

  afterAll(async () => {
    await reader?.stop();
    await served?.close();
    await pty?.dispose();
  });

  it('comes online with the SAM ID over the serial path', () => {
    expect(reader.snapshot()).toMatchObject({ status: 'online', detail: { transport: 'serial', port: pty.a, baudRate: 115200 } });
    expect(reader.snapshot().detail.samId).toMatch(/^\d\d\.\d\d-\d+-\d{10}-\d{10}$/);
  });

  it('reads every fixture card to its fixture record', async () => {
    const sim = served.simulator;
    for (const record of records) {
      const next = reader.readCard({ timeoutMs: 5000 });
      sim.placeCard(record.id);
      const { card } = await next;
      const json = cardToJson(card, { includePhoto: false });
      for (const [key, value] of Object.entries(cardFields(record))) expect(json[key], `${record.id}.${key}`).toEqual(value);
      expect(createHash('sha256').update(card.photo!).digest('hex')).toBe(digests.get(record.id));
      sim.removeCard();
      await waitFor(() => events.at(-1)?.type === 'card-removed', 3000, `${record.id} removal`);
    }
    expect(sim.stats.maxOutstanding).toBe(1);
  });

  it('reads through split frames and garbage with wire pacing at 115200', async () => {
    const sim = served.simulator;
    sim.setPacing({ pace: true, baudRate: 115200 });
    sim.setFault([{ kind: 'splitFrames', maxChunk: 50 }, { kind: 'garbage', bytes: 5, commands: ['readBase'] }]);
    try {
      const next = reader.readCard({ timeoutMs: 5000 });
      sim.placeCard('frn23a');
      expect((await next).card).toMatchObject({ englishName: 'RODRIGUEZ FERNANDEZ DE LA TORRE, SOFIA ISABELA' });
    } finally {
      sim.setFault(null);
      sim.setPacing({ pace: false });
      sim.removeCard();
    }
    await waitFor(() => events.at(-1)?.type === 'card-removed', 3000, 'removal');
  });

  it('changes baud rate on both ends with the 60 xx command', async () => {
    await reader.changeBaudRate(9600);
    expect(served.simulator.baudRate).toBe(9600);
    expect(served.transport.baudRate).toBe(9600);
    expect(reader.snapshot().detail.baudRate).toBe(9600);
    const next = reader.readCard({ timeoutMs: 5000 });
    served.simulator.placeCard('res05');
    expect((await next).card.validTo).toBe('长期');
    await reader.changeBaudRate(115200);
    served.simulator.removeCard();
    await waitFor(() => events.at(-1)?.type === 'card-removed', 3000, 'removal');
  });

  it('reports noDevice when the pty vanishes and reads again when it returns', async () => {
    const errorsBefore = events.filter((e) => e.type === 'error').length;
    await pty.stop();
    await waitFor(() => reader.snapshot().status === 'noDevice', 5000, 'noDevice');
    expect(reader.snapshot().detail).toMatchObject({ cardPresent: false });
    const linkErrors = events.filter((e) => e.type === 'error').slice(errorsBefore);
    expect(linkErrors[0]).toMatchObject({ error: { code: 'noDevice' }, willRetry: true });
    await new Promise((r) => setTimeout(r, 400)); // several failed reopen attempts while the path is gone
    expect(reader.snapshot().status).toBe('noDevice');

    await pty.start();
    await waitFor(() => served.isOpen, 5000, 'simulator reopened');
    await waitFor(() => reader.snapshot().status === 'online', 5000, 'reader online again');
    expect(reader.snapshot().counters.reconnects).toBeGreaterThanOrEqual(1);
    const next = reader.readCard({ timeoutMs: 5000 });
    served.simulator.placeCard('hmt01');
    expect((await next).card).toMatchObject({ cardType: 'hmt_permit', permitNumber: 'H60283174', hmtRegion: '香港' });
  });
});
