// The SAM side of GA/T 467, byte for byte: decodes requests, keeps card state (placed, found, selected, read),
// answers with real frames (captured fixture frames where a card has one), and injects faults. Optional wire
// pacing sends bytes no faster than the configured baud (10 bits per byte, 8N1) and an RF delay stands in for
// the card read. Attach it to any ByteEndpoint: the in-process link, or a serial port (one end of a pty pair).
//
// Built from named parts: RequestIntake (frames in, one job at a time), CardSlot (cards and their state),
// SamAnswers (the reply to each command), FaultSet (armed faults) and SimulatorLine (timing and bytes out).
import { Listeners } from '../../device/listeners';
import { identifyCommand } from '../protocol/commands';
import { CardSlot } from './card-slot';
import { FaultSet } from './fault-set';
import { seededRandom } from './faults';
import { SimulatorLine } from './line';
import { RequestIntake } from './request-intake';
import { SamAnswers } from './sam-answers';
import type { Simulator, SimulatorHistoryEntry, SimulatorOptions } from './types';
import { freshStats } from './types';

export type { CardInput, PacingOptions, Simulator, SimulatorHistoryEntry, SimulatorOptions, SimulatorStats } from './types';

const HISTORY_LIMIT = 500;

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const random = options.seed === undefined ? Math.random : seededRandom(options.seed);
  let stats = freshStats();
  const currentStats = () => stats;
  const slot = new CardSlot();
  slot.add(options.cards ?? []);
  const faults = new FaultSet();
  const line = new SimulatorLine(options, random, currentStats);
  const sam = new SamAnswers(slot, line, options);
  const history: SimulatorHistoryEntry[] = [];
  const historyListeners = new Listeners<SimulatorHistoryEntry>();

  function record(entry: SimulatorHistoryEntry) {
    history.push(entry);
    if (history.length > HISTORY_LIMIT) history.shift();
    historyListeners.emit(entry);
  }

  const intake = new RequestIntake(options.idleGapMs ?? 200, currentStats, {
    async request(body, requestBytes, replied) {
      const command = identifyCommand(body[0]!, body[1]!);
      const name = command ?? 'unknown';
      stats.byCommand[name] = (stats.byCommand[name] ?? 0) + 1;
      await line.requestArrived(requestBytes);
      const active = faults.take(command);
      if (active.some((f) => f.kind === 'silence')) {
        record({ command: name, sw3: null, faults: active.map((f) => f.kind) });
        replied();
        return;
      }
      const r = await sam.answer(command, body[1]!, active);
      record({ command: name, sw3: r.sw3, faults: active.map((f) => f.kind) });
      if (r.frame) {
        await line.transmit(r.frame, active, replied);
        stats.replies++;
      }
      replied();
      await r.after?.();
    },
    async hostError(sw3, replied) {
      record({ command: 'unknown', sw3, faults: [] });
      await line.transmit(SamAnswers.status(sw3), [], replied);
    },
  });

  return {
    get cards() {
      return slot.cards;
    },
    get currentCard() {
      return slot.card;
    },
    get faults() {
      return faults.list;
    },
    get stats() {
      return stats;
    },
    get history() {
      return history;
    },
    get baudRate() {
      return line.baudRate;
    },
    attach(next) {
      line.endpoint = next;
      intake.reset();
      const off = next.onData((chunk) => intake.receive(chunk));
      return () => {
        off();
        if (line.endpoint === next) line.endpoint = null;
      };
    },
    placeCard: (input) => slot.place(input),
    removeCard: () => slot.remove(),
    addCards: (cards) => slot.add(cards),
    setFault: (fault) => faults.set(fault),
    setPacing: (next) => line.setPacing(next),
    onHistory: (listener) => historyListeners.add(listener),
    resetStats() {
      stats = freshStats();
    },
  };
}
