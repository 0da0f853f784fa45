// Serial printers (RS-232 or USB-serial) on the shared serial line (device/serial-link.ts). The port stays
// open: status replies arrive on the same line, and reopening a tty per query would toggle DTR and reset
// some printers.
import { SerialByteLink, SerialLinkError } from '../../device/serial-link';
import { TransportError, type PrinterTransport } from './transport';

export function serialTransport(path: string, baudRate = 115200): PrinterTransport {
  const description = `serial://${path}?baud=${baudRate}`;
  const link = new SerialByteLink({ path, baudRate });
  let reply: { bytes: number[]; expected: number; done: (b: Uint8Array) => void } | null = null;

  link.onData((chunk) => {
    if (!reply) return; // unsolicited bytes (ASB) are dropped; we poll instead
    reply.bytes.push(...chunk);
    if (reply.bytes.length >= reply.expected) reply.done(Uint8Array.from(reply.bytes.slice(0, reply.expected)));
  });

  const detail = (e: unknown) => (e instanceof SerialLinkError ? e.detail || 'port closed' : (e as Error).message);

  const ensureOpen = async () => {
    try {
      await link.open();
    } catch (e) {
      throw new TransportError('unreachable', `${description}: ${detail(e)}`);
    }
  };

  const writeAndDrain = async (bytes: Uint8Array) => {
    try {
      await link.write(bytes);
    } catch (e) {
      throw new TransportError('writeFailed', `${description}: ${detail(e)}`);
    }
  };

  return {
    description,
    canQuery: true,
    async write(bytes) {
      await ensureOpen();
      await writeAndDrain(bytes);
    },
    async query(request, expected, timeoutMs) {
      await ensureOpen();
      if (reply) throw new TransportError('writeFailed', `${description}: a status query is already running`);
      try {
        return await new Promise<Uint8Array>((resolve, reject) => {
          const timer = setTimeout(() => reject(new TransportError('timeout', `${description}: no status reply after ${timeoutMs} ms`)), timeoutMs);
          reply = { bytes: [], expected, done: (b) => (clearTimeout(timer), resolve(b)) };
          writeAndDrain(request).catch((e: unknown) => (clearTimeout(timer), reject(e as Error)));
        });
      } finally {
        reply = null;
      }
    },
    close: () => link.close(),
  };
}
