// Raw TCP (port 9100, "JetDirect"). One connection per job or status query: many printers accept a single
// connection at a time, so holding one open would lock out the maintenance tools.
import net from 'node:net';
import { TransportError, type PrinterTransport } from './transport';

export function tcpTransport(host: string, port = 9100, connectTimeoutMs = 3000): PrinterTransport {
  const description = `tcp://${host}:${port}`;
  const connect = () =>
    new Promise<net.Socket>((resolve, reject) => {
      const socket = net.connect({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new TransportError('unreachable', `${description}: connect timed out after ${connectTimeoutMs} ms`));
      }, connectTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(socket);
      });
      socket.once('error', (e) => {
        clearTimeout(timer);
        reject(new TransportError('unreachable', `${description}: ${e.message}`));
      });
    });

  return {
    description,
    canQuery: true,
    async write(bytes) {
      const socket = await connect();
      await new Promise<void>((resolve, reject) => {
        socket.once('error', (e) => reject(new TransportError('writeFailed', `${description}: ${e.message}`)));
        socket.end(bytes, () => resolve());
      });
      await new Promise<void>((resolve) => {
        if (socket.closed) resolve();
        else socket.once('close', () => resolve());
      });
    },
    async query(request, expected, timeoutMs) {
      const socket = await connect();
      try {
        return await new Promise<Uint8Array>((resolve, reject) => {
          const got: number[] = [];
          const timer = setTimeout(() => reject(new TransportError('timeout', `${description}: ${got.length}/${expected} reply bytes after ${timeoutMs} ms`)), timeoutMs);
          socket.on('data', (chunk) => {
            got.push(...chunk);
            if (got.length >= expected) {
              clearTimeout(timer);
              resolve(Uint8Array.from(got.slice(0, expected)));
            }
          });
          socket.once('error', (e) => {
            clearTimeout(timer);
            reject(new TransportError('unreachable', `${description}: ${e.message}`));
          });
          socket.write(request);
        });
      } finally {
        socket.destroy();
      }
    },
    async close() {},
  };
}
