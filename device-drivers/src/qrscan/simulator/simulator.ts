// A 2D imager that speaks the bytes a real one does: it answers menu commands (echo + ACK/ENQ/NAK + the
// terminator), obeys the serial trigger (SYN T CR / SYN U CR) in trigger mode, skips symbologies switched
// off, and sends each code as prefix + UTF-8 + suffix. `present()` holds a code in front of the window (sent
// once, like the reread delay of presentation mode); `sendRaw()` and `junk()` put anything on the line.
import { Listeners } from '../../device/listeners';
import type { Unsubscribe } from '../../device/model';
import { ACK, ENQ, NAK, SYMBOLOGY_TAGS, SYN, type ReadMode, type Symbology } from '../protocol/commands';
import { suffixBytes, type Suffix } from '../protocol/framer';

export interface ScannerEndpoint {
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): Unsubscribe;
}

export interface ScannerSimulatorOptions {
  suffix?: Suffix;
  prefix?: Uint8Array;
  mode?: ReadMode;
  /** Answer menu commands. Default true; false is a scanner that ignores them. */
  answersCommands?: boolean;
  /** Send codes in pieces of this many bytes (a slow UART, a USB CDC packet boundary). */
  chunkBytes?: number;
}

export const JUNK_KINDS = ['binary', 'huge', 'partial', 'control'] as const;
export type JunkKind = (typeof JUNK_KINDS)[number];

const encoder = new TextEncoder();
const TAG_TO_SYMBOLOGY = Object.fromEntries(Object.entries(SYMBOLOGY_TAGS).map(([s, tag]) => [tag, s as Symbology]));

export class ScannerSimulator {
  private endpoint: ScannerEndpoint | null = null;
  private mode: ReadMode;
  private triggered = false;
  private presented: { text: string; symbology: Symbology } | null = null;
  private readonly enabled = new Map<Symbology, boolean>();
  private inbox: number[] = [];
  readonly commands = new Listeners<string>();
  private readonly options: Required<Omit<ScannerSimulatorOptions, 'prefix' | 'chunkBytes'>> & Pick<ScannerSimulatorOptions, 'prefix' | 'chunkBytes'>;

  constructor(options: ScannerSimulatorOptions = {}) {
    this.options = { suffix: options.suffix ?? 'cr', mode: options.mode ?? 'continuous', answersCommands: options.answersCommands ?? true, prefix: options.prefix, chunkBytes: options.chunkBytes };
    this.mode = this.options.mode;
  }

  get readMode(): ReadMode {
    return this.mode;
  }

  get isTriggered(): boolean {
    return this.triggered;
  }

  isEnabled(symbology: Symbology): boolean {
    return this.enabled.get(symbology) ?? true;
  }

  attach(endpoint: ScannerEndpoint): () => void {
    this.endpoint = endpoint;
    const off = endpoint.onData((chunk) => this.received(chunk));
    return () => {
      off();
      if (this.endpoint === endpoint) this.endpoint = null;
    };
  }

  /** Hold a code in front of the imager: sent now in continuous mode (or while triggered), else at the trigger. */
  present(text: string, symbology: Symbology = 'qr'): void {
    this.presented = { text, symbology };
    if (this.mode === 'continuous' || this.triggered) this.decodePresented();
  }

  /** Take the code away. */
  withdraw(): void {
    this.presented = null;
  }

  /** Put bytes on the line as they are. */
  sendRaw(bytes: Uint8Array): Promise<void> {
    return this.send(bytes);
  }

  /** The junk a hall sees: noise, an oversized code, a frame cut off, a code with control characters. */
  junk(kind: JunkKind): Promise<void> {
    const suffix = suffixBytes(this.options.suffix);
    if (kind === 'binary') return this.send(concat(Uint8Array.of(0xff, 0xfe, 0x00, 0x81, 0xc3, 0x28, 0x9f), suffix));
    if (kind === 'huge') return this.send(concat(encoder.encode('A'.repeat(10 * 1024)), suffix));
    if (kind === 'partial') return this.send(this.framed('https://progress.example/part').subarray(0, 20));
    return this.send(this.framed('AB\u0007C\u001b[2J'));
  }

  private decodePresented(): void {
    const shown = this.presented;
    if (!shown || !this.isEnabled(shown.symbology)) return;
    this.presented = null; // one read per presentation (the reread delay)
    this.triggered = false; // a decode ends the trigger window, as on a real imager
    void this.send(this.framed(shown.text));
  }

  private framed(text: string): Uint8Array {
    return concat(this.options.prefix ?? new Uint8Array(), encoder.encode(text), suffixBytes(this.options.suffix));
  }

  private async send(bytes: Uint8Array): Promise<void> {
    const endpoint = this.endpoint;
    if (!endpoint) return;
    const size = this.options.chunkBytes ?? bytes.length;
    for (let at = 0; at < bytes.length; at += Math.max(1, size)) await endpoint.write(bytes.subarray(at, at + Math.max(1, size)));
  }

  // ---- commands in ------------------------------------------------------------------------------------------

  private received(chunk: Uint8Array): void {
    for (const b of chunk) this.inbox.push(b);
    if (this.inbox.length > 4096) this.inbox = []; // not a command stream
    for (;;) {
      const start = this.inbox.indexOf(SYN);
      if (start < 0) return void (this.inbox = []);
      if (start > 0) this.inbox = this.inbox.slice(start);
      if (this.inbox.length < 3) return;
      const [, verb, cr] = this.inbox;
      if (cr !== 0x0d) {
        this.inbox = this.inbox.slice(1);
        continue;
      }
      if (verb === 0x54 || verb === 0x55) {
        this.inbox = this.inbox.slice(3);
        this.trigger(verb === 0x54);
        continue;
      }
      if (verb !== 0x4d) {
        this.inbox = this.inbox.slice(1);
        continue;
      }
      const end = this.inbox.findIndex((b, i) => i > 2 && (b === 0x21 || b === 0x2e));
      if (end < 0) return;
      const setting = String.fromCharCode(...this.inbox.slice(3, end));
      const terminator = this.inbox[end]!;
      this.inbox = this.inbox.slice(end + 1);
      this.menu(setting, terminator);
    }
  }

  private trigger(on: boolean): void {
    this.commands.emit(on ? 'trigger on' : 'trigger off');
    this.triggered = on && this.mode === 'trigger';
    if (this.triggered) this.decodePresented();
  }

  private menu(setting: string, terminator: number): void {
    this.commands.emit(setting);
    if (!this.options.answersCommands) return;
    const status = this.apply(setting);
    void this.send(concat(encoder.encode(setting), Uint8Array.of(status, terminator)));
  }

  private apply(setting: string): number {
    const tag = setting.slice(0, 6);
    const value = setting.slice(6);
    if (tag === 'TRGMOD') {
      if (value === '0') this.mode = 'trigger';
      else if (value === '3') this.mode = 'continuous';
      else return NAK;
      return ACK;
    }
    const symbology = TAG_TO_SYMBOLOGY[tag];
    if (!symbology) return ENQ;
    if (value !== '0' && value !== '1') return NAK;
    this.enabled.set(symbology, value === '1');
    return ACK;
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function createScannerSimulator(options?: ScannerSimulatorOptions): ScannerSimulator {
  return new ScannerSimulator(options);
}
