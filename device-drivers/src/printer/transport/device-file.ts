// A printer device file: /dev/usb/lpN (Linux usblp), a stable udev symlink such as /dev/receipt-printer
// (see ../README.md), or \\.\COMn / a shared printer path on Windows. Write-only: usblp reads are not
// reliable across printer models, so status comes from TCP/serial printers only.
import { open } from 'node:fs/promises';
import { TransportError, type PrinterTransport } from './transport';

export function deviceFileTransport(path: string): PrinterTransport {
  const description = `file://${path}`;
  return {
    description,
    canQuery: false,
    async write(bytes) {
      let handle;
      try {
        handle = await open(path, 'a');
      } catch (e) {
        throw new TransportError('unreachable', `${description}: ${(e as Error).message}`);
      }
      try {
        await handle.write(bytes);
      } catch (e) {
        throw new TransportError('writeFailed', `${description}: ${(e as Error).message}`);
      } finally {
        await handle.close();
      }
    },
    query() {
      return Promise.reject(new TransportError('unsupported', `${description}: status cannot be read from a device file`));
    },
    async close() {},
  };
}
