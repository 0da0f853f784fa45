// Builds the ID card reader from config (serial or HID on real hardware; the simulator, in development only,
// through the development composition) and adapts its events to the terminal's CardSource port. The card photo
// and fingerprints are dropped here: the session never holds them, so nothing can persist them.
import { createReaderService, type IdCardReaderService } from '@easydo/device-drivers/idcard/reader/service';
import { createSerialTransport } from '@easydo/device-drivers/idcard/transport/serial';
import { createHidTransport, lengthPrefixedFraming, openNodeHidDevice, type HidReportDevice, type NodeHidSelector } from '@easydo/device-drivers/idcard/transport/hid';
import type { TerminalConfig } from '../config/schema';
import { toCardRecord } from '../session/card-record';
import type { CardSource, ReaderSimulatorControl } from './card-source';
import type { DevelopmentPartsLoader } from './development-parts';

export interface IdReaderBundle {
  reader: IdCardReaderService;
  cards: CardSource;
  simulator: ReaderSimulatorControl | null;
  /** The simulator's in-process link (admin's sim:readerConnection unplugs it); absent on real readers. */
  link?: { unplug(): void; plug(): void; readonly plugged: boolean };
}

export interface IdReaderOptions {
  /** How the simulator is reached (development only). */
  development: DevelopmentPartsLoader;
  /** Opens a HID reader; default node-hid. Tests give a fake device here. */
  openHidDevice?: (selector: NodeHidSelector) => () => Promise<HidReportDevice>;
}

export function cardSourceOf(reader: IdCardReaderService): CardSource {
  return {
    onCardRead: (listener) =>
      reader.onEvent((e) => {
        if (e.type === 'card-read') listener(toCardRecord(e.card));
      }),
    onCardRemoved: (listener) =>
      reader.onEvent((e) => {
        if (e.type === 'card-removed') listener();
      }),
    // The reader gave up on the card on it (its last attempt failed); a lost link retries and is the device's state.
    onCardUnreadable: (listener) =>
      reader.onEvent((e) => {
        if (e.type === 'error' && !e.willRetry) listener();
      }),
  };
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

export async function createIdReader(config: TerminalConfig['devices']['idReader'], options: IdReaderOptions): Promise<IdReaderBundle> {
  if (config.transport === 'simulator') {
    const dev = await options.development('devices.idReader.transport');
    return dev.simulatedReader(config);
  }
  if (config.transport === 'serial') {
    const reader = createReaderService({
      id: 'idReader',
      pollIntervalMs: config.pollIntervalMs,
      transport: createSerialTransport({ path: config.port, baudRate: config.baud }),
    });
    return { reader, cards: cardSourceOf(reader), simulator: null };
  }
  const selector: NodeHidSelector = config.path ? { path: config.path } : { vendorId: config.vendorId, productId: config.productId };
  const { reportSize, outputReportId, inputHasReportId } = config.framing;
  const reader = createReaderService({
    id: 'idReader',
    pollIntervalMs: config.pollIntervalMs,
    transport: createHidTransport({
      description: `${hex4(config.vendorId)}:${hex4(config.productId)}`,
      openDevice: (options.openHidDevice ?? openNodeHidDevice)(selector),
      framing: lengthPrefixedFraming({ reportSize, outputReportId, inputHasReportId }),
    }),
  });
  return { reader, cards: cardSourceOf(reader), simulator: null };
}
