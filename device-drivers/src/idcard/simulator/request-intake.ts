// Frame handling on the simulated SAM's receive side: received chunks go through the frame decoder (a
// silence of `idleGapMs` ends a partial request), each request becomes one job, and jobs run one after
// another like a SAM that answers one command at a time. Requests whose reply is not out yet are counted:
// a correct host never has more than one outstanding.
import { DEFAULT_MAX_LENGTH, FrameDecoder, MIN_REQUEST_LENGTH } from '../protocol/frame-codec';
import { SW3 } from '../protocol/sam-status';
import type { SimulatorStats } from './types';

/** `replied()` marks the reply as out (idempotent); the job may go on afterwards (e.g. a speed change). */
export type RequestJob = (replied: () => void) => Promise<void>;

export interface RequestHandlers {
  /** A well-formed request: its body (command, parameter, data) and its size on the wire. */
  request(body: Uint8Array, requestBytes: number, replied: () => void): Promise<void>;
  /** A request the host damaged: the SAM answers with this SW3 alone. */
  hostError(sw3: number, replied: () => void): Promise<void>;
}

export class RequestIntake {
  private readonly decoder = new FrameDecoder({ minLength: MIN_REQUEST_LENGTH, maxLength: DEFAULT_MAX_LENGTH });
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private outstanding = 0;
  private work: Promise<void> = Promise.resolve();

  constructor(
    private readonly idleGapMs: number,
    private readonly stats: () => SimulatorStats,
    private readonly handlers: RequestHandlers,
  ) {}

  /** Forgets a partial request (a new endpoint was attached). */
  reset(): void {
    this.decoder.reset();
  }

  receive(chunk: Uint8Array): void {
    const stats = this.stats();
    stats.bytesIn += chunk.length;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const event of this.decoder.push(chunk)) {
      if (event.kind === 'frame') {
        stats.requests++;
        const { body, frame } = event;
        this.enqueue((replied) => this.handlers.request(body, frame.length, replied));
      } else if (event.error.code === 'badChecksum' || event.error.code === 'badLength') {
        const sw3 = event.error.code === 'badChecksum' ? SW3.hostChecksumError : SW3.hostLengthError;
        this.enqueue((replied) => this.handlers.hostError(sw3, replied));
      }
    }
    if (this.decoder.pending > 0) this.idleTimer = setTimeout(() => this.decoder.idle(), this.idleGapMs);
  }

  private enqueue(job: RequestJob): void {
    this.outstanding++;
    const stats = this.stats();
    stats.maxOutstanding = Math.max(stats.maxOutstanding, this.outstanding);
    let open = true;
    const replied = () => {
      if (open) this.outstanding--;
      open = false;
    };
    this.work = this.work
      .then(() => job(replied))
      .catch(() => undefined)
      .finally(replied);
  }
}
