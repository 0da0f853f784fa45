// What the codec needs from a link: open/close, write bytes, and a stream of received chunks. Serial, USB HID
// and the in-process simulator link all look like this, so the reader never knows which one it has.
import type { Unsubscribe } from '../../device/model';

export type TransportKind = 'serial' | 'hid' | 'memory';

/** Why an open transport stopped: unplugged / port vanished, or closed by us. */
export interface TransportClosedInfo {
  disconnected: boolean;
  message: string;
}

/** The minimal byte pipe (also what the simulator attaches to). */
export interface ByteEndpoint {
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): Unsubscribe;
}

export interface ByteTransport extends ByteEndpoint {
  readonly kind: TransportKind;
  /** Human label: a port path, a HID vendor:product, 'memory'. */
  readonly description: string;
  readonly isOpen: boolean;
  /**
   * Opens (again) after a close or a vanish. Rejects with IdCardError 'noDevice' when the device is absent and
   * 'openFailed' for other failures.
   */
  open(): Promise<void>;
  close(): Promise<void>;
  /** Fires when an open transport closes without close() being called (unplug, port vanished). */
  onClose(listener: (info: TransportClosedInfo) => void): Unsubscribe;
  /** Serial only: change the local UART speed (after the SAM accepted `60 xx`). */
  setBaudRate?(baudRate: number): Promise<void>;
  readonly baudRate?: number;
}
