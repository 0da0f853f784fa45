// Faults the simulated SAM can inject (reference §8): each changes how one reply (or all replies to the
// listed commands) goes out. `times` limits how often a fault fires; without it, it stays until cleared.
import type { CommandName } from '../protocol/commands';

interface FaultScope {
  /** Only replies to these commands; default: every command (reads only, for removeMidRead). */
  commands?: CommandName[];
  /** Fire this many times, then disappear. Default: until setFault(null). */
  times?: number;
}

export type SimulatorFault = FaultScope &
  (
    | { kind: 'splitFrames'; maxChunk?: number; maxGapMs?: number }
    | { kind: 'garbage'; bytes?: number }
    | { kind: 'badChecksum' }
    | { kind: 'badLength' }
    /** SAM missing / failed: every command answered with SW3 60 (self-test failed) or the given code. */
    | { kind: 'noSam'; sw3?: number }
    /** The reader stops answering at all. */
    | { kind: 'silence' }
    /** The card leaves the field while it is being read: the read fails with SW3 41, the card is gone. */
    | { kind: 'removeMidRead' }
    /** Answer with this SW3 and no data (any status code, for mapping tests). */
    | { kind: 'status'; sw3: number }
  );

export type FaultKind = SimulatorFault['kind'];

/** The commands that read the card in the field (removeMidRead's default scope, an unreadable card's faults). */
export const READ_COMMANDS: readonly CommandName[] = ['readBase', 'readBaseFingerprint', 'readNewAddress'];

export function faultApplies(fault: SimulatorFault, command: CommandName | undefined): boolean {
  const scope = fault.commands ?? (fault.kind === 'removeMidRead' ? READ_COMMANDS : undefined);
  return !scope || (command !== undefined && scope.includes(command));
}

/** Deterministic PRNG (mulberry32) so a seeded simulator injects the same faults every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function corruptChecksum(frame: Uint8Array): Uint8Array {
  const out = frame.slice();
  out[out.length - 1] = out[out.length - 1]! ^ 0x5a;
  return out;
}

/** Make the length field impossible (beyond any reply), so the receiver rejects it as a length error. */
export function corruptLength(frame: Uint8Array): Uint8Array {
  const out = frame.slice();
  out[5] = 0xff;
  out[6] = 0xff;
  return out;
}

export function garbageBytes(count: number, random: () => number): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) out[i] = Math.floor(random() * 256);
  return out;
}

export function randomChunks(bytes: Uint8Array, maxChunk: number, random: () => number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(random() * Math.max(1, maxChunk));
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}
