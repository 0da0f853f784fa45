// The simulated SAM's side of the wire: where replies go, how fast (pacing at the line speed, 10 bits a
// byte for 8N1), the RF time a card read takes, the byte-level faults on the way out (garbage, split
// frames, damaged checksum or length) and the SAM's own speed change after `60 xx`.
import { sleep } from '../abortable';
import type { ByteEndpoint } from '../transport/transport';
import type { SimulatorFault } from './faults';
import { corruptChecksum, corruptLength, garbageBytes, randomChunks } from './faults';
import type { PacingOptions, SimulatorStats } from './types';

const PACE_CHUNK = 32;
/** Pause between the reply to `60 xx` and the SAM's own speed change; hosts wait longer (reader-service). */
const SAM_BAUD_SWITCH_DELAY_MS = 25;

type SpeedSettable = ByteEndpoint & { setBaudRate?: (b: number) => Promise<void> };

export class SimulatorLine {
  endpoint: ByteEndpoint | null = null;
  pace: boolean;
  baudRate: number;
  rfReadDelayMs: number;
  private lineFreeAt = 0;

  constructor(
    options: PacingOptions,
    private readonly random: () => number,
    private readonly stats: () => SimulatorStats,
  ) {
    this.pace = options.pace ?? false;
    this.baudRate = options.baudRate ?? 115200;
    this.rfReadDelayMs = options.rfReadDelayMs ?? 0;
  }

  setPacing(next: PacingOptions): void {
    if (next.pace !== undefined) this.pace = next.pace;
    if (next.baudRate !== undefined) this.baudRate = next.baudRate;
    if (next.rfReadDelayMs !== undefined) this.rfReadDelayMs = next.rfReadDelayMs;
  }

  /** With pacing, a request's last byte reaches a real SAM one wire-time after its first. */
  async requestArrived(requestBytes: number): Promise<void> {
    if (this.pace) await sleep((requestBytes * 10_000) / this.baudRate);
  }

  /** Waits `fraction` of the card's RF read time (none when it is 0). */
  async rfWait(fraction = 1): Promise<void> {
    if (this.rfReadDelayMs > 0) await sleep(this.rfReadDelayMs * fraction);
  }

  /** Sends a reply; `lastPieceIssued` runs as the final byte is handed to the line (the reply is then out). */
  async transmit(frame: Uint8Array, active: readonly SimulatorFault[], lastPieceIssued: () => void = () => undefined): Promise<void> {
    let bytes = frame;
    for (const fault of active) {
      if (fault.kind === 'badChecksum') bytes = corruptChecksum(bytes);
      if (fault.kind === 'badLength') bytes = corruptLength(bytes);
    }
    const garbage = active.find((f) => f.kind === 'garbage');
    if (garbage) {
      const extra = garbageBytes(garbage.bytes ?? 1 + Math.floor(this.random() * 32), this.random);
      const joined = new Uint8Array(extra.length + bytes.length);
      joined.set(extra);
      joined.set(bytes, extra.length);
      bytes = joined;
    }
    const split = active.find((f) => f.kind === 'splitFrames');
    const chunks = split ? randomChunks(bytes, split.maxChunk ?? 64, this.random) : [bytes];
    for (const [n, chunk] of chunks.entries()) {
      if (split && n > 0) {
        const gap = this.random() * (split.maxGapMs ?? 3);
        if (gap >= 1) await sleep(gap);
        else await new Promise((r) => setImmediate(r));
      }
      const last = n === chunks.length - 1;
      if (this.pace) await this.pacedWrite(chunk, last ? lastPieceIssued : undefined);
      else {
        const written = this.writeOut(chunk);
        if (last) lastPieceIssued();
        await written;
      }
    }
  }

  async switchBaud(next: number): Promise<void> {
    // Like a SAM, switch only once the reply has left: a serial driver flushes its queues on a speed change
    // (on a pty that includes bytes the other side has not read yet).
    await sleep(SAM_BAUD_SWITCH_DELAY_MS);
    if (next === this.baudRate) return;
    this.baudRate = next;
    const target = this.endpoint as SpeedSettable | null;
    await target?.setBaudRate?.(next).catch(() => undefined);
  }

  private async writeOut(bytes: Uint8Array): Promise<void> {
    const target = this.endpoint;
    if (!target) return;
    this.stats().bytesOut += bytes.length;
    await target.write(bytes).catch(() => undefined);
  }

  /** Writes `bytes` no faster than the line: each piece goes out when its last byte would have arrived. */
  private async pacedWrite(bytes: Uint8Array, lastPieceIssued?: () => void): Promise<void> {
    const msPerByte = 10_000 / this.baudRate;
    for (let at = 0; at < bytes.length; at += PACE_CHUNK) {
      const piece = bytes.subarray(at, at + PACE_CHUNK);
      this.lineFreeAt = Math.max(performance.now(), this.lineFreeAt) + piece.length * msPerByte;
      const wait = this.lineFreeAt - performance.now();
      if (wait >= 1) await sleep(wait);
      const written = this.writeOut(piece);
      if (at + PACE_CHUNK >= bytes.length) lastPieceIssued?.();
      await written;
    }
  }
}
