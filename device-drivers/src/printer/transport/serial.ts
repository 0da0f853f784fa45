// Serial printers (RS-232 or USB-serial) through serialport. The port stays open: status replies arrive
// on the same line, and reopening a tty per query would toggle DTR and reset some printers.
import { SerialPort } from 'serialport';
import { TransportError, type PrinterTransport } from './transport';

export function serialTransport(path: string, baudRate = 115200): PrinterTransport {
  const description = `serial://${path}?baud=${baudRate}`;
  let port: SerialPort | null = null;
  let reply: { bytes: number[]; expected: number; done: (b: Uint8Array) => void } | null = null;

  const ensureOpen = () =>
    new Promise<SerialPort>((resolve, reject) => {
      if (port?.isOpen) return resolve(port);
      const p = new SerialPort({ path, baudRate, autoOpen: false });
      p.on('data', (chunk: Buffer) => {
        if (!reply) return; // unsolicited bytes (ASB) are dropped; we poll instead
        reply.bytes.push(...chunk);
        if (reply.bytes.length >= reply.expected) reply.done(Uint8Array.from(reply.bytes.slice(0, reply.expected)));
      });
      p.open((e) => {
        if (e) return reject(new TransportError('unreachable', `${description}: ${e.message}`));
        port = p;
        resolve(p);
      });
    });

  const writeAndDrain = (p: SerialPort, bytes: Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      p.write(Buffer.from(bytes), (e) => {
        if (e) return reject(new TransportError('writeFailed', `${description}: ${e.message}`));
        p.drain((d) => (d ? reject(new TransportError('writeFailed', `${description}: ${d.message}`)) : resolve()));
      });
    });

  return {
    description,
    canQuery: true,
    async write(bytes) {
      await writeAndDrain(await ensureOpen(), bytes);
    },
    async query(request, expected, timeoutMs) {
      const p = await ensureOpen();
      if (reply) throw new TransportError('writeFailed', `${description}: a status query is already running`);
      try {
        return await new Promise<Uint8Array>((resolve, reject) => {
          const timer = setTimeout(() => reject(new TransportError('timeout', `${description}: no status reply after ${timeoutMs} ms`)), timeoutMs);
          reply = { bytes: [], expected, done: (b) => (clearTimeout(timer), resolve(b)) };
          writeAndDrain(p, request).catch((e: unknown) => (clearTimeout(timer), reject(e as Error)));
        });
      } finally {
        reply = null;
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (!port?.isOpen) return resolve();
        port.close(() => resolve());
        port = null;
      }),
  };
}
