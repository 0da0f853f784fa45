// The card reader the config asks for: HID works end to end through the reader service (the driver tests' fake
// HID device, the config's framing reaching the transport), and a production terminal never reaches the
// development composition: a simulator there is refused by field.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator, loadFixtureCards } from '@easydo/device-drivers/idcard/index';
import type { NodeHidSelector } from '@easydo/device-drivers/idcard/transport/hid';
import { createIdReader, type IdReaderBundle } from '@easydo/core/services/devices/id-reader';
import { developmentPartsLoader } from '@easydo/core/services/terminal/development-parts';
import { DevelopmentOnly } from '@easydo/core/services/devices/development-parts';
import { parseConfig, simulatorDefaults } from '@easydo/core/services/config/load';
import { createTerminal, type Terminal } from '@easydo/core/services/terminal/compose';
import { createLogger } from '@easydo/core/services/logging/logger';
import type { CardRecord } from '@easydo/core/services/session/card-record';
import { FakeHidReader } from '../../../device-drivers/test/idcard/fake-hid-reader';
import { productionConfigInput } from '../config/fixtures';

const refuseDevelopment = developmentPartsLoader('production');

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** A HID opener that plugs the driver tests' fake device (with a simulator behind it) in. */
async function fakeHid(reportSize: number) {
  const simulator = createSimulator({ cards: await loadFixtureCards() });
  const opened: { selectors: NodeHidSelector[]; device: FakeHidReader | null } = { selectors: [], device: null };
  const open = (selector: NodeHidSelector) => async () => {
    opened.selectors.push(selector);
    opened.device = new FakeHidReader({ reportSize });
    simulator.attach(opened.device.endpoint);
    return opened.device;
  };
  return { simulator, opened, open };
}

let bundles: IdReaderBundle[] = [];
let terminals: Terminal[] = [];
afterEach(async () => {
  await Promise.all(bundles.map((b) => b.reader.stop()));
  await Promise.all(terminals.map((t) => t.close()));
  bundles = [];
  terminals = [];
});

describe('HID card reader from config', () => {
  it('reads a card through the reader service with the configured report size', async () => {
    const hid = await fakeHid(32);
    const config = parseConfig({ ...productionConfigInput(), devices: { ...productionConfigInput().devices, idReader: { transport: 'hid', vendorId: 0x0483, productId: 0x572b, framing: { reportSize: 32 } } } });
    const bundle = await createIdReader(config.devices.idReader, { development: refuseDevelopment, openHidDevice: hid.open });
    bundles.push(bundle);
    const cards: CardRecord[] = [];
    bundle.cards.onCardRead((c) => cards.push(c));
    await bundle.reader.start();
    expect(bundle.reader.snapshot()).toMatchObject({ status: 'online', detail: { transport: 'hid', port: '0483:572b' } });
    expect(hid.opened.selectors).toEqual([{ vendorId: 0x0483, productId: 0x572b }]);
    expect(bundle.simulator).toBeNull();

    hid.simulator.placeCard('frn17b');
    await until(() => cards.length > 0, 'the card');
    expect(cards[0]).toMatchObject({ cardType: 'foreigner_2017' });
    expect(cards[0]).not.toHaveProperty('photo');
    // 32-byte reports plus the report-ID byte: the config's framing reached the transport.
    expect(hid.opened.device!.written.length).toBeGreaterThan(0);
    expect(hid.opened.device!.written.every((r) => r.length === 33)).toBe(true);
  });

  it('opens the reader by its OS path when one is given', async () => {
    const hid = await fakeHid(64);
    const config = parseConfig({ ...productionConfigInput(), devices: { ...productionConfigInput().devices, idReader: { transport: 'hid', vendorId: 1, productId: 2, path: '/dev/hidraw3' } } });
    const bundle = await createIdReader(config.devices.idReader, { development: refuseDevelopment, openHidDevice: hid.open });
    bundles.push(bundle);
    await bundle.reader.start();
    expect(hid.opened.selectors).toEqual([{ path: '/dev/hidraw3' }]);
  });
});

describe('production composition', () => {
  it('starts a terminal on a HID reader and hands its cards to the session', async () => {
    const hid = await fakeHid(64);
    const raw = productionConfigInput();
    const config = parseConfig({
      ...raw,
      // Nothing listens there: the terminal starts all the same (the journal keeps submissions until it answers).
      backend: { kind: 'remote', url: 'https://127.0.0.1:9/api', timeoutMs: 500 },
      devices: { ...raw.devices, idReader: { transport: 'hid', vendorId: 0x0483, productId: 0x572b }, receiptPrinter: { address: 'tcp://127.0.0.1:9' }, scanner: { source: 'none' } },
    });
    const terminal = await createTerminal({ config, dataDir: mkdtempSync(path.join(os.tmpdir(), 'easydo-hid-')), version: 't', logger: createLogger({ level: 'silent' }), profile: 'production', openHidDevice: hid.open });
    terminals.push(terminal);
    expect(terminal.idReader.simulator).toBeNull();
    expect(terminal.receiptPrinter.virtual).toBeNull();
    expect(terminal.backend.sandbox).toBeNull();
    await until(() => terminal.devices.list().find((d) => d.id === 'idReader')?.status === 'online', 'the reader online');
    const read = new Promise((resolve) => terminal.hub.subscribe((name, payload) => name === 'card:read' && resolve(payload)));
    hid.simulator.placeCard('frn17b');
    expect(await read).toMatchObject({ cardType: 'foreigner_2017' });
    expect(terminal.sessions.current()).toBeTruthy();
  });

  it('refuses a development part by its field instead of loading the simulators', async () => {
    await expect(refuseDevelopment('devices.idReader.transport')).rejects.toBeInstanceOf(DevelopmentOnly);
    const attempt = createTerminal({ config: simulatorDefaults(), dataDir: mkdtempSync(path.join(os.tmpdir(), 'easydo-dev-')), version: 't', logger: createLogger({ level: 'silent' }), profile: 'production' });
    await expect(attempt).rejects.toMatchObject({ name: 'DevelopmentOnly', field: 'backend.kind' });
  });
});
