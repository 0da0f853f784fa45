// What the identity reader gives the rest of the terminal: cards placed, removed or unreadable, and (simulator
// only) a hand to place and remove synthetic cards. devices/id-reader.ts adapts the reader service to it.
import type { Unsubscribe } from '@easydo/device-drivers/device/model';
import type { CardRecord } from '../session/card-record';

export interface CardSource {
  onCardRead(listener: (card: CardRecord) => void): Unsubscribe;
  onCardRemoved(listener: () => void): Unsubscribe;
  /** A card lies on the reader but could not be read, after the reader's own retries (dirty chip, placed askew). */
  onCardUnreadable(listener: () => void): Unsubscribe;
}

/** Only present when the reader is the simulator (development, demos, tests). */
export interface ReaderSimulatorControl {
  cards(): Array<{ id: string; label: string; cardType: string }>;
  /** `unreadable`: the card lies there but every read fails (until it is removed), as a dirty chip does. */
  place(cardId: string, options?: { unreadable?: boolean }): void;
  remove(): void;
}
