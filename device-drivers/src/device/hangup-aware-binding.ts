// The platform's serialport binding, with one fix on Unix: a 0-byte read is the hang-up it is.
// @serialport/bindings-cpp 13 re-reads at once on 0 bytes, forever (serialport/bindings-cpp#162). A tty that is
// hung up (USB-serial adapter unplugged, pty master closed) while no read is parked in the binding's poller
// answers every later read with 0, so the port spins in the libuv thread pool, its memory grows, and it never
// emits 'close': whoever holds it keeps a dead fd and never reopens the path. On a port opened with VMIN ≥ 1
// (the default) and O_NONBLOCK, "no data yet" is EAGAIN, so 0 bytes can only mean end of file.
import { read } from 'node:fs';
import { promisify } from 'node:util';
import { autoDetect, BindingsError, type AutoDetectTypes } from '@serialport/bindings-cpp';

const readAsync = promisify(read);

type BindingPortInterface = Awaited<ReturnType<AutoDetectTypes['open']>>;
type OpenOptions = Parameters<AutoDetectTypes['open']>[0];

/** What the Unix bindings expose beyond the interface: the fd, and the poller that says when it is readable. */
interface UnixPort extends BindingPortInterface {
  fd: number | null;
  poller: { once(event: 'readable', callback: (err: Error | null) => void): unknown };
  openOptions: BindingPortInterface['openOptions'] & { vmin?: number };
}

/** The error a hung-up tty's read rejects with; @serialport/stream closes the port as disconnected on it. */
export class SerialHangUpError extends Error {
  readonly disconnect = true;
  constructor(path: string) {
    super(`${path} hung up (end of file)`);
    this.name = 'SerialHangUpError';
  }
}

function isUnixPort(port: BindingPortInterface): port is UnixPort {
  const p = port as Partial<UnixPort>;
  return 'fd' in p && typeof p.poller?.once === 'function';
}

const RETRY_CODES = new Set(['EAGAIN', 'EWOULDBLOCK', 'EINTR']);

function readable(port: UnixPort): Promise<void> {
  return new Promise((resolve, reject) => port.poller.once('readable', (err) => (err ? reject(err) : resolve())));
}

/** Reads what is there, waits in the poller when nothing is, and rejects on end of file instead of spinning. */
async function readUntilHangUp(port: UnixPort, buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }> {
  for (;;) {
    const fd = port.fd;
    if (fd === null) throw new BindingsError('Port is not open', { canceled: true });
    try {
      const { bytesRead } = await readAsync(fd, buffer, offset, length, null);
      if (bytesRead > 0) return { buffer, bytesRead };
      if (port.fd === fd) throw new SerialHangUpError(port.openOptions.path);
      throw new BindingsError('Port is not open', { canceled: true }); // closed by us while the read ran
    } catch (err) {
      if (!RETRY_CODES.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
      // Closed while the read ran: its poller is destroyed, and polling a destroyed poller crashes the process.
      if (port.fd !== fd) throw new BindingsError('Port is not open', { canceled: true });
      await readable(port);
    }
  }
}

/** Wraps one open port: every call goes to the binding's own port, except read on a Unix port opened with VMIN ≥ 1. */
function hangUpAware(port: BindingPortInterface): BindingPortInterface {
  if (!isUnixPort(port) || (port.openOptions.vmin ?? 1) < 1) return port; // with VMIN 0, 0 bytes means "nothing yet"
  return new Proxy(port, {
    get(target, key) {
      if (key === 'read') return (buffer: Buffer, offset: number, length: number) => readUntilHangUp(target, buffer, offset, length);
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The detected binding (as `new SerialPort()` would use), whose ports report a hang-up instead of spinning. */
export function hangUpAwareBinding(base: AutoDetectTypes = autoDetect()): AutoDetectTypes {
  return {
    list: () => base.list(),
    open: async (options: OpenOptions) => hangUpAware(await base.open(options as never)),
  } as AutoDetectTypes;
}
