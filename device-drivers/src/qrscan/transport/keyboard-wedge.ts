// A scanner that poses as a keyboard. Main takes its keystrokes out of the window's input stream (Electron's
// before-input-event, prevented) and feeds them here, so a code never lands in whatever field has focus. A
// code is the keys between two terminators (Enter, or Tab when the scanner is set to it), typed in a burst:
// a gap longer than `maxKeyGapMs` drops what came before (a person typing, not a scanner).
import { Listeners } from '../../device/listeners';
import type { Unsubscribe } from '../../device/model';
import { QrScanError } from '../errors';
import { DEFAULT_MAX_CODE_BYTES } from '../protocol/framer';
import type { ScannerLink, ScannerLinkClosed } from './link';

export interface KeyboardWedgeOptions {
  terminator?: 'Enter' | 'Tab';
  maxKeyGapMs?: number;
  maxBytes?: number;
  now?: () => number;
}

const encoder = new TextEncoder();

export class KeyboardWedgeLink implements ScannerLink {
  readonly kind = 'keyboardWedge' as const;
  readonly framed = true;
  readonly writable = false;
  readonly description = 'keyboard wedge';
  private open_ = false;
  private keys: string[] = [];
  private lastAt = -Infinity;
  private readonly data = new Listeners<Uint8Array>();
  private readonly closed = new Listeners<ScannerLinkClosed>();
  private readonly terminator: string;
  private readonly maxKeyGapMs: number;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(options: KeyboardWedgeOptions = {}) {
    this.terminator = options.terminator ?? 'Enter';
    this.maxKeyGapMs = options.maxKeyGapMs ?? 80;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_CODE_BYTES;
    this.now = options.now ?? (() => performance.now());
  }

  get isOpen(): boolean {
    return this.open_;
  }

  open(): Promise<void> {
    this.open_ = true;
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.open_ = false;
    this.keys = [];
    return Promise.resolve();
  }

  write(): Promise<void> {
    return Promise.reject(new QrScanError('notSupported', 'a keyboard wedge takes no commands'));
  }

  /**
   * One key press as DOM/Electron names it (`key`: 'a', 'Enter', 'Shift'...). Returns true when the key is
   * the scanner's (main then keeps it from the page); modifier keys alone are swallowed while a burst runs.
   */
  feedKey(key: string): boolean {
    if (!this.open_) return false;
    const at = this.now();
    if (at - this.lastAt > this.maxKeyGapMs) this.keys = [];
    this.lastAt = at;
    if (key === this.terminator) {
      const text = this.keys.join('');
      this.keys = [];
      if (text.length > 0) this.data.emit(encoder.encode(text).subarray(0, this.maxBytes + 1));
      return true;
    }
    if ([...key].length === 1) {
      if (this.keys.length <= this.maxBytes) this.keys.push(key);
      return true;
    }
    return key === 'Shift' || key === 'Alt';
  }

  onData(listener: (chunk: Uint8Array) => void): Unsubscribe {
    return this.data.add(listener);
  }

  onClose(listener: (info: ScannerLinkClosed) => void): Unsubscribe {
    return this.closed.add(listener);
  }
}
