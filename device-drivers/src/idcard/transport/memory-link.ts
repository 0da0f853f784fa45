// An in-process byte link: the reader's ByteTransport on one side, an endpoint for the simulator on the other.
// No OS device is involved, so it runs anywhere (this is what `npm start` uses by default). Delivery is
// asynchronous, like real I/O, and the link can be "unplugged" to exercise the reader's reconnect path.
import { Listeners } from '../../device/listeners';
import type { Unsubscribe } from '../../device/model';
import { IdCardError } from '../errors';
import type { ByteEndpoint, ByteTransport, TransportClosedInfo } from './transport';

export interface MemoryLink {
  /** The reader side. */
  readonly host: ByteTransport;
  /** The device (simulator) side. */
  readonly device: ByteEndpoint;
  /** Simulate a USB unplug: an open host sees a close, opens fail with noDevice until plug(). */
  unplug(): void;
  plug(): void;
  readonly plugged: boolean;
}

export function createMemoryLink(description = 'memory'): MemoryLink {
  let plugged = true;
  let hostOpen = false;
  const toHost = new Listeners<Uint8Array>();
  const toDevice = new Listeners<Uint8Array>();
  const hostClosed = new Listeners<TransportClosedInfo>();

  const deliver = (target: Listeners<Uint8Array>, bytes: Uint8Array) => {
    const copy = bytes.slice();
    setImmediate(() => {
      if (plugged && hostOpen) target.emit(copy);
    });
  };

  const host: ByteTransport = {
    kind: 'memory',
    description,
    get isOpen() {
      return hostOpen;
    },
    async open() {
      if (!plugged) throw new IdCardError('noDevice', `${description}: no device attached`, 'open');
      hostOpen = true;
    },
    async close() {
      hostOpen = false;
    },
    async write(bytes) {
      if (!plugged || !hostOpen) throw new IdCardError('transportClosed', `${description} is not open`);
      deliver(toDevice, bytes);
    },
    onData: (listener): Unsubscribe => toHost.add(listener),
    onClose: (listener): Unsubscribe => hostClosed.add(listener),
  };

  const device: ByteEndpoint = {
    async write(bytes) {
      deliver(toHost, bytes);
    },
    onData: (listener): Unsubscribe => toDevice.add(listener),
  };

  return {
    host,
    device,
    get plugged() {
      return plugged;
    },
    unplug() {
      if (!plugged) return;
      plugged = false;
      if (hostOpen) {
        hostOpen = false;
        hostClosed.emit({ disconnected: true, message: `${description} unplugged` });
      }
    },
    plug() {
      plugged = true;
    },
  };
}
