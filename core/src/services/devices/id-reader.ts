// Builds the ID card reader from config (simulator by default, serial or HID on real hardware) and adapts its
// events to the terminal's CardSource port. The card photo and fingerprints are dropped here: the session
// never holds them, so nothing can persist them.
import { createReaderService, type IdCardReaderService } from '@easydo/device-drivers/idcard/reader-service';
import { createSimulatedReader } from '@easydo/device-drivers/idcard/simulated-reader';
import { createSerialTransport } from '@easydo/device-drivers/idcard/serial-transport';
import { loadCardholderFile } from '@easydo/device-drivers/idcard/cardholders';
import type { IdCard } from '@easydo/device-drivers/idcard/card';
import type { Simulator } from '@easydo/device-drivers/idcard/simulator';
import type { TerminalConfig } from '../config/schema';
import type { CardRecord } from '../session/card-record';
import type { CardSource, ReaderSimulatorControl } from '../terminal/ports';

export interface IdReaderBundle {
  reader: IdCardReaderService;
  cards: CardSource;
  simulator: ReaderSimulatorControl | null;
  /** The simulator's in-process link (admin's sim:readerConnection unplugs it); absent on real readers. */
  link?: { unplug(): void; plug(): void; readonly plugged: boolean };
}

export function toCardRecord(card: IdCard): CardRecord {
  const { photo: _photo, fingerprint: _fingerprint, newAddresses: _addresses, ...text } = card;
  return { ...(text as unknown as CardRecord), checkDigitValid: card.checkDigitValid !== false };
}

function cardSourceOf(reader: IdCardReaderService): CardSource {
  return {
    onCardRead: (listener) =>
      reader.onEvent((e) => {
        if (e.type === 'card-read') listener(toCardRecord(e.card));
      }),
    onCardRemoved: (listener) =>
      reader.onEvent((e) => {
        if (e.type === 'card-removed') listener();
      }),
  };
}

function simulatorControl(simulator: Simulator): ReaderSimulatorControl {
  const label = (id: string) => {
    const fields = simulator.cards.find((c) => c.id === id)?.fields as { cardType?: string } | undefined;
    return { id, label: id, cardType: fields?.cardType ?? 'resident' };
  };
  return {
    cards: () => simulator.cards.map((c) => label(c.id)),
    place: (cardId) => void simulator.placeCard(cardId),
    remove: () => simulator.removeCard(),
  };
}

export async function createIdReader(config: TerminalConfig['devices']['idReader']): Promise<IdReaderBundle> {
  if (config.transport === 'simulator') {
    const cards = config.cards ? await loadCardholderFile(config.cards) : undefined;
    const { reader, simulator, link } = await createSimulatedReader({
      simulator: cards ? { cards } : {},
      reader: { id: 'idReader', pollIntervalMs: config.pollIntervalMs },
    });
    return { reader, cards: cardSourceOf(reader), simulator: simulatorControl(simulator), link };
  }
  if (config.transport === 'serial') {
    const reader = createReaderService({
      id: 'idReader',
      pollIntervalMs: config.pollIntervalMs,
      transport: createSerialTransport({ path: config.port, baudRate: config.baud }),
    });
    return { reader, cards: cardSourceOf(reader), simulator: null };
  }
  throw new Error('HID readers need a vendor report framing: configure the reader as serial, or add the framing first');
}
