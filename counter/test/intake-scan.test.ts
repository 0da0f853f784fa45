// intake:scan rules without a real scanner: nothing moves before an intake is open and the material is known,
// a counter without a scanner says so, and a batch that arrives after the resident left is not filed anywhere.
import { describe, expect, it, vi } from 'vitest';
import { Failure } from '@easydo/core/services/errors/failure';
import { failureOf } from './failure-of';
import type { ScannerBundle } from '@easydo/core/services/devices/scanner';
import { IntakeDesk } from '../src/services/intake/intake-desk';

const item = {
  code: 'QR00204001',
  name: { zh: '社会保险参保缴费证明', en: 'Social insurance certificate' },
  materials: [{ code: 'ID_CARD', name: { zh: '居民身份证', en: 'ID card' }, count: 1, ocrKeywords: [], originalsRequired: true, electronicCertificateType: null }],
  fields: [],
};

function resident() {
  return { id: `s-${Math.random()}`, card: { idNumber: '440304199604122469', name: '卓岚' }, onWipe: () => () => undefined };
}

function setup(scanner: Pick<ScannerBundle, 'scan'> | null) {
  let session: ReturnType<typeof resident> | null = resident();
  const ctx = {
    sessions: { current: () => session },
    catalogue: { item: async () => item },
    applications: { prepare: async () => ({ itemCode: item.code, fields: [] }), formAsSubmitted: async () => ({}) },
    devices: { serviceState: () => ({ canSubmit: true }) },
    log: { warn: () => undefined, info: () => undefined },
    scanner,
    config: () => ({ ocr: { engine: 'tesseract' } }),
  };
  const desk = new IntakeDesk(ctx as never, () => undefined);
  return { desk, leave: () => (session = resident()), noCard: () => (session = null) };
}

describe('IntakeDesk.scan', () => {
  it('does not move the scanner without a card, an item, or a known material', async () => {
    const scan = vi.fn(async () => [new Uint8Array(10)]);
    const { desk, noCard } = setup({ scan });
    expect((await failureOf(desk.scan(null, 'C1001'))).reason).toBe('no-intake');
    await desk.begin(item.code, 0);
    expect((await failureOf(desk.scan('PASSPORT', 'C1001'))).reason).toBe('unknownMaterial');
    noCard();
    expect((await failureOf(desk.scan('ID_CARD', 'C1001'))).reason).toBe('no-card');
    expect(scan).not.toHaveBeenCalled();
    await desk.close();
  });

  it('says so when the counter has no scanner', async () => {
    const { desk } = setup(null);
    await desk.begin(item.code, 0);
    const f = await failureOf(desk.scan(null, 'C1001'));
    expect([f.code, f.reason]).toEqual(['device', 'noDevice']);
    await desk.close();
  });

  it('passes the scanner failure on and keeps the intake usable', async () => {
    const scan = vi.fn(async () => {
      throw new Failure('device', 'Paper jam', 'jammed');
    });
    const { desk } = setup({ scan });
    await desk.begin(item.code, 0);
    expect((await failureOf(desk.scan(null, 'C1001'))).reason).toBe('jammed');
    expect(desk.view().pages).toEqual([]);
    await desk.close();
  });

  it('files nothing and wipes the batch when the resident left during the scan', async () => {
    const batch = [new Uint8Array([1, 2, 3]), new Uint8Array([4, 5, 6])];
    let leave = () => undefined as unknown;
    const { desk, leave: l } = setup({ scan: async () => (leave(), batch) });
    leave = l;
    await desk.begin(item.code, 0);
    const f = await failureOf(desk.scan('ID_CARD', 'C1001'));
    expect(f.code).toBe('state');
    expect(batch.every((b) => b.every((x) => x === 0))).toBe(true);
    await desk.close();
  });
});
