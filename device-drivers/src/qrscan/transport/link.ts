// What the scanner service reads from: a byte stream cut by the framer (serial), or whole codes already
// delimited by the device (USB HID POS reports, a keyboard wedge's Enter), marked `framed`.
import type { Unsubscribe } from '../../device/model';

export type ScannerLinkKind = 'serial' | 'hidPos' | 'keyboardWedge' | 'memory';

export interface ScannerLinkClosed {
  disconnected: boolean;
  message: string;
}

export interface ScannerLink {
  readonly kind: ScannerLinkKind;
  /** Each data chunk is one whole code (no suffix framing). */
  readonly framed: boolean;
  /** Whether the link can carry commands to the scanner (serial yes; HID POS and wedges no). */
  readonly writable: boolean;
  readonly description: string;
  readonly isOpen: boolean;
  /** Rejects with QrScanError 'noDevice' when the device is absent, 'openFailed' otherwise. */
  open(): Promise<void>;
  close(): Promise<void>;
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): Unsubscribe;
  /** An open link closed without close() (unplug, port vanished). */
  onClose(listener: (info: ScannerLinkClosed) => void): Unsubscribe;
}
