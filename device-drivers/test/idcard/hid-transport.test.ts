// The HID transport with a fake device: reports in, the same byte stream out, and the reader on top of it.
import { afterEach, describe, expect, it } from 'vitest';
import type { IdCardReaderService } from '../../src/idcard/index';
import {
  createHidTransport,
  createReaderService,
  createSimulator,
  lengthPrefixedFraming,
  loadFixtureCards,
  openNodeHidDevice,
} from '../../src/idcard/index';
import { FakeHidReader } from './fake-hid-reader';
import { FAST_READER, fixtureFrame, fixtureRecords, waitFor } from './helpers';

let running: IdCardReaderService[] = [];
afterEach(async () => {
  await Promise.all(running.map((r) => r.stop()));
  running = [];
});

describe('length-prefixed HID report framing', () => {
  it('splits a frame into 64-byte reports and reassembles it', () => {
    const framing = lengthPrefixedFraming({ reportSize: 64, outputReportId: 0 });
    const frame = fixtureFrame(fixtureRecords()[0]!);
    const reports = framing.encode(frame);
    expect(reports).toHaveLength(Math.ceil(1295 / 63));
    expect(reports.every((r) => r.length === 65 && r[0] === 0)).toBe(true);
    const back = reports.flatMap((r) => Array.from(framing.decode(Uint8Array.from(r.slice(1)))));
    expect(Uint8Array.from(back)).toEqual(frame);
  });

  it('ignores empty reports and clamps a lying length byte', () => {
    const framing = lengthPrefixedFraming({ reportSize: 8, inputHasReportId: true });
    expect(framing.decode(Uint8Array.of(2, 0, 1, 2, 3))).toEqual(new Uint8Array(0));
    expect(framing.decode(Uint8Array.of(2, 200, 1, 2, 3))).toEqual(Uint8Array.of(1, 2, 3));
  });
});

describe('reader over the HID transport (fake device)', () => {
  it('reads a card through reassembled reports, and reports an unplug as noDevice', async () => {
    let device: FakeHidReader | null = null;
    let present = true;
    const simulator = createSimulator({ cards: await loadFixtureCards() });
    const transport = createHidTransport({
      description: '0483:572b',
      openDevice: async () => {
        if (!present) throw new Error('could not open device');
        device = new FakeHidReader();
        simulator.attach(device.endpoint);
        return device;
      },
    });
    const reader = createReaderService({ ...FAST_READER, transport });
    running.push(reader);
    await reader.start();
    expect(reader.snapshot()).toMatchObject({ status: 'online', detail: { transport: 'hid', port: '0483:572b' } });

    const next = reader.readCard({ timeoutMs: 3000 });
    simulator.placeCard('frn17b');
    expect((await next).card).toMatchObject({ cardType: 'foreigner_2017', englishName: 'OKAFOR, CHIDI EMMANUEL' });
    expect(device!.written.every((r) => r.length === 65)).toBe(true);

    present = false;
    device!.emit('error', new Error('device disconnected'));
    await waitFor(() => reader.snapshot().status === 'noDevice', 2000, 'noDevice');
    expect(device!.closed).toBe(true);
    present = true;
    await waitFor(() => reader.snapshot().status === 'online', 2000, 'online again');
  });
});

describe('node-hid adapter', () => {
  it('reports an absent reader as noDevice (real node-hid, no such device on this machine)', async () => {
    const transport = createHidTransport({ description: 'ffff:fffe', openDevice: openNodeHidDevice({ vendorId: 0xffff, productId: 0xfffe }) });
    await expect(transport.open()).rejects.toMatchObject({ code: 'noDevice', stage: 'open' });
    expect(transport.isOpen).toBe(false);
    await expect(transport.write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'transportClosed' });
  });
});
