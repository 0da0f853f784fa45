// An in-process line between the scanner service and the simulator (what `npm start` uses by default):
// asynchronous delivery like real I/O, and an unplug that the service sees as a vanished port.
import { Listeners } from '../../device/listeners';
import type { Unsubscribe } from '../../device/model';
import { QrScanError } from '../errors';
import type { ScannerEndpoint } from '../simulator/simulator';
import type { ScannerLink, ScannerLinkClosed } from './link';

export interface ScannerMemoryLink {
  readonly host: ScannerLink;
  readonly device: ScannerEndpoint;
  unplug(): void;
  plug(): void;
  readonly plugged: boolean;
}

export function createScannerMemoryLink(description = 'simulator'): ScannerMemoryLink {
  let plugged = true;
  let open = false;
  const toHost = new Listeners<Uint8Array>();
  const toDevice = new Listeners<Uint8Array>();
  const closed = new Listeners<ScannerLinkClosed>();
  const deliver = (target: Listeners<Uint8Array>, bytes: Uint8Array) => {
    const copy = bytes.slice();
    setImmediate(() => plugged && open && target.emit(copy));
  };
  const host: ScannerLink = {
    kind: 'memory',
    framed: false,
    writable: true,
    description,
    get isOpen() {
      return open;
    },
    async open() {
      if (!plugged) throw new QrScanError('noDevice', `${description}: no scanner attached`);
      open = true;
    },
    async close() {
      open = false;
    },
    async write(bytes) {
      if (!plugged || !open) throw new QrScanError('transportClosed', `${description} is not open`);
      deliver(toDevice, bytes);
    },
    onData: (l): Unsubscribe => toHost.add(l),
    onClose: (l): Unsubscribe => closed.add(l),
  };
  return {
    host,
    device: { write: async (bytes) => deliver(toHost, bytes), onData: (l): Unsubscribe => toDevice.add(l) },
    get plugged() {
      return plugged;
    },
    unplug() {
      if (!plugged) return;
      plugged = false;
      if (open) {
        open = false;
        closed.emit({ disconnected: true, message: `${description} unplugged` });
      }
    },
    plug() {
      plugged = true;
    },
  };
}
