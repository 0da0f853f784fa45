// The SAM side of GA/T 467, byte for byte: decodes requests, keeps card state (placed, found, selected, read),
// answers with real frames (captured fixture frames where a card has one), and injects faults. Optional wire
// pacing sends bytes no faster than the configured baud (10 bits per byte, 8N1) and an RF delay stands in for
// the card read. Attach it to any ByteEndpoint: the in-process link, or a serial port (one end of a pty pair).
import { Listeners } from '../../device/listeners';
import type { Unsubscribe } from '../../device/model';
import { sleep } from '../abortable';
import type { IdCard } from '../card/card';
import type { CardholderRecord, SimulatedCard } from './cardholders';
import { makeSimulatedCard } from './cardholders';
import type { CommandName } from '../protocol/commands';
import { baudRateForCode, encodeBaseMessage, encodeSamId, identifyCommand } from '../protocol/commands';
import { DEFAULT_MAX_LENGTH, encodeResponse, FrameDecoder, MIN_REQUEST_LENGTH } from '../protocol/frame-codec';
import { encodeNewAddresses } from '../protocol/sam-procedures';
import { SW3 } from '../protocol/sam-status';
import type { SimulatorFault } from './faults';
import { corruptChecksum, corruptLength, faultApplies, garbageBytes, randomChunks, seededRandom } from './faults';
import type { ByteEndpoint } from '../transport/transport';

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

export interface SimulatorStats {
  requests: number;
  replies: number;
  bytesIn: number;
  bytesOut: number;
  /** Requests received while an earlier reply was still being produced: must stay at 1 for a correct host. */
  maxOutstanding: number;
  byCommand: Partial<Record<CommandName | 'unknown', number>>;
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
  setPacing(options: { pace?: boolean; baudRate?: number; rfReadDelayMs?: number }): void;
  onHistory(listener: (entry: SimulatorHistoryEntry) => void): Unsubscribe;
  resetStats(): void;
}

const DEFAULT_SAM_ID = encodeSamId(5, 1, 20260101, 12345678, 1234567890);
const READ_COMMANDS = new Set<CommandName>(['readBase', 'readBaseFingerprint', 'readNewAddress']);
const PACE_CHUNK = 32;
/** Pause between the reply to `60 xx` and the SAM's own speed change; hosts wait longer (reader-service). */
const SAM_BAUD_SWITCH_DELAY_MS = 25;

interface Reply {
  sw3: number | null;
  frame: Uint8Array | null;
  after?: () => Promise<void> | void;
}

function isSimulatedCard(value: unknown): value is SimulatedCard {
  return typeof value === 'object' && value !== null && 'text' in value && 'readFrame' in value;
}

function syntheticFingerprint(size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 131 + 7) & 0xff;
  return out;
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const cards: SimulatedCard[] = [];
  const random = options.seed === undefined ? Math.random : seededRandom(options.seed);
  const samId = options.samId ?? DEFAULT_SAM_ID;
  const afterRead = options.afterRead ?? 'findable';
  const fingerprintBytes = options.fingerprintBytes ?? 1024;
  const idleGapMs = options.idleGapMs ?? 200;
  const historyListeners = new Listeners<SimulatorHistoryEntry>();
  const history: SimulatorHistoryEntry[] = [];
  let pace = options.pace ?? false;
  let baudRate = options.baudRate ?? 115200;
  let rfReadDelayMs = options.rfReadDelayMs ?? 0;
  let faults: SimulatorFault[] = [];
  let card: SimulatedCard | null = null;
  let found = false;
  let selected = false;
  let halted = false;
  let endpoint: ByteEndpoint | null = null;
  let outstanding = 0;
  let lineFreeAt = 0;
  let work: Promise<void> = Promise.resolve();
  const decoder = new FrameDecoder({ minLength: MIN_REQUEST_LENGTH, maxLength: DEFAULT_MAX_LENGTH });
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  const freshStats = (): SimulatorStats => ({ requests: 0, replies: 0, bytesIn: 0, bytesOut: 0, maxOutstanding: 0, byCommand: {} });
  let stats = freshStats();

  const toCard = (input: SimulatedCard | CardholderRecord | IdCard): SimulatedCard =>
    isSimulatedCard(input) ? input : makeSimulatedCard(input);

  function addCards(list: readonly (SimulatedCard | CardholderRecord | IdCard)[]) {
    for (const item of list) {
      const c = toCard(item);
      const at = cards.findIndex((existing) => existing.id === c.id);
      if (at >= 0) cards[at] = c;
      else cards.push(c);
    }
  }
  addCards(options.cards ?? []);

  function resetCardState() {
    found = false;
    selected = false;
    halted = false;
  }

  // ---- transmit ---------------------------------------------------------------------------------------------

  async function writeOut(bytes: Uint8Array) {
    const target = endpoint;
    if (!target) return;
    stats.bytesOut += bytes.length;
    await target.write(bytes).catch(() => undefined);
  }

  /** Writes `bytes` no faster than the line: each piece goes out when its last byte would have arrived. */
  async function pacedWrite(bytes: Uint8Array, lastPieceIssued?: () => void) {
    const msPerByte = 10_000 / baudRate;
    for (let at = 0; at < bytes.length; at += PACE_CHUNK) {
      const piece = bytes.subarray(at, at + PACE_CHUNK);
      lineFreeAt = Math.max(performance.now(), lineFreeAt) + piece.length * msPerByte;
      const wait = lineFreeAt - performance.now();
      if (wait >= 1) await sleep(wait);
      const written = writeOut(piece);
      if (at + PACE_CHUNK >= bytes.length) lastPieceIssued?.();
      await written;
    }
  }

  /** Sends a reply; `lastPieceIssued` runs as the final byte is handed to the line (the reply is then out). */
  async function transmit(frame: Uint8Array, active: SimulatorFault[], lastPieceIssued: () => void = () => undefined) {
    let bytes = frame;
    for (const fault of active) {
      if (fault.kind === 'badChecksum') bytes = corruptChecksum(bytes);
      if (fault.kind === 'badLength') bytes = corruptLength(bytes);
    }
    const garbage = active.find((f) => f.kind === 'garbage');
    if (garbage) {
      const extra = garbageBytes(garbage.bytes ?? 1 + Math.floor(random() * 32), random);
      const joined = new Uint8Array(extra.length + bytes.length);
      joined.set(extra);
      joined.set(bytes, extra.length);
      bytes = joined;
    }
    const split = active.find((f) => f.kind === 'splitFrames');
    const chunks = split ? randomChunks(bytes, split.maxChunk ?? 64, random) : [bytes];
    for (const [n, chunk] of chunks.entries()) {
      if (split && n > 0) {
        const gap = random() * (split.maxGapMs ?? 3);
        if (gap >= 1) await sleep(gap);
        else await new Promise((r) => setImmediate(r));
      }
      const last = n === chunks.length - 1;
      if (pace) await pacedWrite(chunk, last ? lastPieceIssued : undefined);
      else {
        const written = writeOut(chunk);
        if (last) lastPieceIssued();
        await written;
      }
    }
  }

  // ---- requests ---------------------------------------------------------------------------------------------

  function reply(sw3: number, data?: Uint8Array): Reply {
    return { sw3, frame: encodeResponse({ sw3, data }) };
  }

  function readReply(withFingerprint: boolean): Reply {
    const c = card!;
    if (!withFingerprint && c.readFrame) return { sw3: SW3.ok, frame: c.readFrame };
    const fp = withFingerprint ? (c.fingerprint ?? syntheticFingerprint(fingerprintBytes)) : null;
    return reply(SW3.ok, encodeBaseMessage(c.text, c.photo, fp));
  }

  async function answer(command: CommandName | undefined, para: number, active: SimulatorFault[]): Promise<Reply> {
    const forced = active.find((f) => f.kind === 'noSam' || f.kind === 'status');
    if (forced) return reply(forced.kind === 'status' ? forced.sw3 : (forced.kind === 'noSam' && forced.sw3) || SW3.samSelfTestFailed);
    if (command && READ_COMMANDS.has(command)) {
      if (!card || !selected) return reply(SW3.readFailed);
      if (active.some((f) => f.kind === 'removeMidRead')) {
        if (rfReadDelayMs > 0) await sleep(rfReadDelayMs / 2);
        card = null;
        resetCardState();
        return reply(SW3.readFailed);
      }
      if (rfReadDelayMs > 0) await sleep(rfReadDelayMs);
      if (!card) return reply(SW3.readFailed); // removed during the RF exchange
    }
    switch (command) {
      case 'resetSam':
        found = false;
        selected = false;
        return reply(SW3.ok);
      case 'samStatus':
        return reply(SW3.ok);
      case 'samId':
        return reply(SW3.ok, samId);
      case 'findCard':
        if (!card || halted) return reply(SW3.noCard);
        found = true;
        selected = false;
        return reply(SW3.cardFound, new Uint8Array(4));
      case 'selectCard':
        if (!card || !found || halted) return reply(SW3.selectFailed);
        selected = true;
        return reply(SW3.ok, new Uint8Array(8));
      case 'readBase':
      case 'readBaseFingerprint': {
        const r = readReply(command === 'readBaseFingerprint');
        if (afterRead === 'haltedUntilRemoved') halted = true;
        return r;
      }
      case 'readNewAddress':
        return card!.newAddresses.length > 0 ? reply(SW3.ok, encodeNewAddresses(card!.newAddresses)) : reply(SW3.noContent);
      case 'readManagementNumber':
        return reply(SW3.noContent); // the real reply is unknown [U]
      case 'setBaudRate': {
        const next = baudRateForCode(para);
        if (next === undefined) return reply(SW3.commandError);
        return { ...reply(SW3.ok), after: () => switchBaud(next) };
      }
      case 'setMaxRfBytes':
        return reply(SW3.ok);
      default:
        return reply(SW3.commandError);
    }
  }

  async function switchBaud(next: number) {
    // Like a SAM, switch only once the reply has left: a serial driver flushes its queues on a speed change
    // (on a pty that includes bytes the other side has not read yet).
    await sleep(SAM_BAUD_SWITCH_DELAY_MS);
    if (next === baudRate) return;
    baudRate = next;
    const target = endpoint as (ByteEndpoint & { setBaudRate?: (b: number) => Promise<void> }) | null;
    await target?.setBaudRate?.(next).catch(() => undefined);
  }

  function takeFaults(command: CommandName | undefined): SimulatorFault[] {
    const active = faults.filter((f) => faultApplies(f, command));
    for (const f of active) if (f.times !== undefined) f.times--;
    faults = faults.filter((f) => f.times === undefined || f.times > 0);
    return active;
  }

  function record(entry: SimulatorHistoryEntry) {
    history.push(entry);
    if (history.length > 500) history.shift();
    historyListeners.emit(entry);
  }

  async function handleRequest(body: Uint8Array, requestBytes: number, replied: () => void) {
    const command = identifyCommand(body[0]!, body[1]!);
    const name = command ?? 'unknown';
    stats.byCommand[name] = (stats.byCommand[name] ?? 0) + 1;
    // The request's last byte reaches a real SAM one wire-time after its first.
    if (pace) await sleep((requestBytes * 10_000) / baudRate);
    const active = takeFaults(command);
    if (active.some((f) => f.kind === 'silence')) {
      record({ command: name, sw3: null, faults: active.map((f) => f.kind) });
      replied();
      return;
    }
    const r = await answer(command, body[1]!, active);
    record({ command: name, sw3: r.sw3, faults: active.map((f) => f.kind) });
    if (r.frame) {
      await transmit(r.frame, active, replied);
      stats.replies++;
    }
    replied();
    await r.after?.();
  }

  /** Runs request jobs one after another, counting requests whose reply is not yet out. */
  function enqueue(job: (replied: () => void) => Promise<void>) {
    outstanding++;
    stats.maxOutstanding = Math.max(stats.maxOutstanding, outstanding);
    let open = true;
    const replied = () => {
      if (open) outstanding--;
      open = false;
    };
    work = work
      .then(() => job(replied))
      .catch(() => undefined)
      .finally(replied);
  }

  function receive(chunk: Uint8Array) {
    stats.bytesIn += chunk.length;
    if (idleTimer) clearTimeout(idleTimer);
    for (const event of decoder.push(chunk)) {
      if (event.kind === 'frame') {
        stats.requests++;
        const { body, frame } = event;
        enqueue((replied) => handleRequest(body, frame.length, replied));
      } else if (event.error.code === 'badChecksum' || event.error.code === 'badLength') {
        const sw3 = event.error.code === 'badChecksum' ? SW3.hostChecksumError : SW3.hostLengthError;
        enqueue(async (replied) => {
          record({ command: 'unknown', sw3, faults: [] });
          await transmit(encodeResponse({ sw3 }), [], replied);
        });
      }
    }
    if (decoder.pending > 0) idleTimer = setTimeout(() => decoder.idle(), idleGapMs);
  }

  return {
    get cards() {
      return cards;
    },
    get currentCard() {
      return card;
    },
    get faults() {
      return faults;
    },
    get stats() {
      return stats;
    },
    get history() {
      return history;
    },
    get baudRate() {
      return baudRate;
    },
    attach(next) {
      endpoint = next;
      decoder.reset();
      const off = next.onData(receive);
      return () => {
        off();
        if (endpoint === next) endpoint = null;
      };
    },
    placeCard(input) {
      let next: SimulatedCard | undefined;
      if (typeof input === 'string') {
        next = cards.find((c) => c.id === input || c.fields.idNumber === input);
        if (!next) throw new Error(`no simulated card "${input}" (have: ${cards.map((c) => c.id).join(', ') || 'none'})`);
      } else {
        next = toCard(input);
      }
      card = next;
      resetCardState();
      return next;
    },
    removeCard() {
      card = null;
      resetCardState();
    },
    addCards,
    setFault(fault) {
      faults = fault === null ? [] : (Array.isArray(fault) ? [...fault] : [fault as SimulatorFault]).map((f) => ({ ...f }));
    },
    setPacing(next) {
      if (next.pace !== undefined) pace = next.pace;
      if (next.baudRate !== undefined) baudRate = next.baudRate;
      if (next.rfReadDelayMs !== undefined) rfReadDelayMs = next.rfReadDelayMs;
    },
    onHistory: (listener) => historyListeners.add(listener),
    resetStats() {
      stats = freshStats();
    },
  };
}
