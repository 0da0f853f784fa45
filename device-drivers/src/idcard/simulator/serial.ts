// Run the simulated SAM on a serial path (e.g. one end of a socat pty pair), reopening the path if it
// vanishes and comes back, so a reader on the other end sees a real serial device.
import { sleep } from '../abortable';
import { SerialTransport } from '../transport/serial';
import type { Simulator, SimulatorOptions } from './simulator';
import { createSimulator } from './simulator';

export interface SerialSimulatorOptions {
  path: string;
  baudRate?: number;
  /** Keep retrying to (re)open the path when it is missing or vanishes. Default true. */
  reconnect?: boolean;
  reconnectIntervalMs?: number;
  /** An existing simulator to serve; otherwise one is made from `simulator` options. */
  simulator?: Simulator | SimulatorOptions;
}

export interface SerialSimulator {
  readonly simulator: Simulator;
  readonly transport: SerialTransport;
  readonly isOpen: boolean;
  close(): Promise<void>;
}

function isSimulator(value: unknown): value is Simulator {
  return typeof value === 'object' && value !== null && 'placeCard' in value && 'attach' in value;
}

/** Opens the path (resolves once it is open; with reconnect, waits for the path to appear). */
export async function runSimulatorOnSerial(options: SerialSimulatorOptions): Promise<SerialSimulator> {
  const baudRate = options.baudRate ?? 115200;
  const simulator = isSimulator(options.simulator) ? options.simulator : createSimulator({ baudRate, ...options.simulator });
  const transport = new SerialTransport({ path: options.path, baudRate });
  const reconnect = options.reconnect ?? true;
  const interval = options.reconnectIntervalMs ?? 200;
  let closed = false;
  let detach: (() => void) | null = null;

  const openOnce = async () => {
    await transport.open();
    detach?.();
    detach = simulator.attach(transport);
  };

  const keepOpen = async () => {
    while (!closed) {
      try {
        await openOnce();
        return;
      } catch (err) {
        if (!reconnect) throw err;
        await sleep(interval);
      }
    }
  };

  transport.onClose(() => {
    detach?.();
    detach = null;
    if (!closed && reconnect) void keepOpen();
  });
  await keepOpen();

  return {
    simulator,
    transport,
    get isOpen() {
      return transport.isOpen;
    },
    async close() {
      closed = true;
      detach?.();
      detach = null;
      await transport.close();
    },
  };
}
