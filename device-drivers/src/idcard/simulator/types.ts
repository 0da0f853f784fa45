// What the simulated SAM offers its users (tests, the CLI, the developer panel): options, counters, history.
import type { Unsubscribe } from '../../device/model';
import type { IdCard } from '../card/card';
import type { CommandName } from '../protocol/commands';
import type { ByteEndpoint } from '../transport/transport';
import type { CardholderRecord, SimulatedCard } from './cardholders';
import type { SimulatorFault } from './faults';

export type CardInput = string | SimulatedCard | CardholderRecord | IdCard;

export interface SimulatorOptions {
  cards?: readonly (SimulatedCard | CardholderRecord | IdCard)[];
  /** Line speed used for pacing; changed by the `60 xx` command like a real SAM. Default 115200. */
  baudRate?: number;
  /** Send replies no faster than the wire would (10 bits per byte). Default false. */
  pace?: boolean;
  /** Time the card takes to answer a read over RF, before the reply starts. Default 0. */
  rfReadDelayMs?: number;
  /** 16-byte SAM ID (u16 a, u16 b, u32 c, d, e, little-endian). */
  samId?: Uint8Array;
  /**
   * What find-card says about a card that has been read and not removed: 'findable' (9F until removed) or
   * 'haltedUntilRemoved' (80, as some SAMs do: reference §6, R5) [U]. Default 'findable'.
   */
  afterRead?: 'findable' | 'haltedUntilRemoved';
  /** Fingerprint size served for `30 10` when a card has none of its own: 0, 512 or 1024. Default 1024. */
  fingerprintBytes?: 0 | 512 | 1024;
  /** Seed for the fault randomness (chunk sizes, garbage). Default: Math.random. */
  seed?: number;
  /** Silence that ends a partial request. Default 200 ms. */
  idleGapMs?: number;
}

export interface PacingOptions {
  pace?: boolean;
  baudRate?: number;
  rfReadDelayMs?: number;
}

export interface SimulatorStats {
  requests: number;
  replies: number;
  bytesIn: number;
  bytesOut: number;
  /** Requests received while an earlier reply was still being produced: must stay at 1 for a correct host. */
  maxOutstanding: number;
  byCommand: Partial<Record<CommandName | 'unknown', number>>;
}

export function freshStats(): SimulatorStats {
  return { requests: 0, replies: 0, bytesIn: 0, bytesOut: 0, maxOutstanding: 0, byCommand: {} };
}

export interface SimulatorHistoryEntry {
  command: CommandName | 'unknown';
  /** SW3 answered, or null when the simulator stayed silent. */
  sw3: number | null;
  faults: SimulatorFault['kind'][];
}

export interface Simulator {
  readonly cards: readonly SimulatedCard[];
  readonly currentCard: SimulatedCard | null;
  readonly faults: readonly SimulatorFault[];
  readonly stats: SimulatorStats;
  readonly history: readonly SimulatorHistoryEntry[];
  readonly baudRate: number;
  attach(endpoint: ByteEndpoint): () => void;
  /** Put a card on the reader: a card id from `cards`, a cardholder record, a parsed IdCard. */
  placeCard(card: CardInput): SimulatedCard;
  removeCard(): void;
  addCards(cards: readonly (SimulatedCard | CardholderRecord | IdCard)[]): void;
  /** Replace the active faults (null or [] clears them). */
  setFault(fault: SimulatorFault | readonly SimulatorFault[] | null): void;
  setPacing(options: PacingOptions): void;
  onHistory(listener: (entry: SimulatorHistoryEntry) => void): Unsubscribe;
  resetStats(): void;
}
