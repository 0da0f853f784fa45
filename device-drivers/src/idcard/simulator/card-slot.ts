// The card slot of the simulated SAM: the cards it knows, the one lying on the reader, and how far the
// host has got with it (found, selected, halted after a read on SAMs that do that).
import type { IdCard } from '../card/card';
import type { CardholderRecord, SimulatedCard } from './cardholders';
import { makeSimulatedCard } from './cardholders';
import type { CardInput } from './types';

function isSimulatedCard(value: unknown): value is SimulatedCard {
  return typeof value === 'object' && value !== null && 'text' in value && 'readFrame' in value;
}

const toCard = (input: SimulatedCard | CardholderRecord | IdCard): SimulatedCard =>
  isSimulatedCard(input) ? input : makeSimulatedCard(input);

export class CardSlot {
  readonly cards: SimulatedCard[] = [];
  card: SimulatedCard | null = null;
  found = false;
  selected = false;
  halted = false;

  /** Adds cards by id; a card with a known id replaces the older one. */
  add(list: readonly (SimulatedCard | CardholderRecord | IdCard)[]): void {
    for (const item of list) {
      const c = toCard(item);
      const at = this.cards.findIndex((existing) => existing.id === c.id);
      if (at >= 0) this.cards[at] = c;
      else this.cards.push(c);
    }
  }

  /** A card id (or ID number) from `cards`, a cardholder record or a parsed card; a fresh card starts unfound. */
  place(input: CardInput): SimulatedCard {
    let next: SimulatedCard | undefined;
    if (typeof input === 'string') {
      next = this.cards.find((c) => c.id === input || c.fields.idNumber === input);
      if (!next) throw new Error(`no simulated card "${input}" (have: ${this.cards.map((c) => c.id).join(', ') || 'none'})`);
    } else {
      next = toCard(input);
    }
    this.card = next;
    this.resetState();
    return next;
  }

  remove(): void {
    this.card = null;
    this.resetState();
  }

  resetState(): void {
    this.found = false;
    this.selected = false;
    this.halted = false;
  }
}
