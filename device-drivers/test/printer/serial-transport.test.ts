// The receipt printer's serial transport on a real pty pair (socat): the bytes arrive as written, a status
// query gets exactly its reply, a missing port is `unreachable`, and after an unplug the transport reopens.
import { afterEach, describe, expect, it } from 'vitest';
import { SerialByteLink } from '../../src/device/serial-link';
import { serialTransport } from '../../src/printer/transport/serial';
import { TransportError, type PrinterTransport } from '../../src/printer/transport/transport';
import { createPtyPair, type PtyPair } from '../idcard/pty-pair';

const DLE_EOT_1 = Uint8Array.of(0x10, 0x04, 0x01);

let pair: PtyPair | null = null;
let printerSide: SerialByteLink | null = null;
let transport: PrinterTransport | null = null;
afterEach(async () => {
  await transport?.close();
  await printerSide?.close();
  await pair?.dispose();
  pair = null;
  printerSide = null;
  transport = null;
});

/** The far end plays a printer: it collects what it receives and answers DLE EOT 1 with `status`. */
async function fakePrinter(path: string, status: number) {
  const link = new SerialByteLink({ path });
  await link.open();
  const received: number[] = [];
  link.onData((chunk) => {
    received.push(...chunk);
    const tail = received.slice(-3);
    if (tail.length === 3 && tail.every((b, i) => b === DLE_EOT_1[i])) void link.write(Uint8Array.of(status));
  });
  return { link, received };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe('printer serial transport over a pty', () => {
  it('writes bytes as given and reads one status reply', async () => {
    pair = await createPtyPair();
    const far = await fakePrinter(pair.b, 0x16);
    printerSide = far.link;
    transport = serialTransport(pair.a, 115200);
    const job = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) & 0xff);
    await transport.write(job);
    await until(() => far.received.length >= job.length, 'the job bytes');
    expect(Uint8Array.from(far.received)).toEqual(job);
    const reply = await transport.query(DLE_EOT_1, 1, 3000);
    expect([...reply]).toEqual([0x16]);
  });

  it('a missing port is unreachable; after an unplug the next write reopens the line', async () => {
    transport = serialTransport('/nonexistent/easydo-printer-tty', 9600);
    const missing = await transport.write(Uint8Array.of(0x1b, 0x40)).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(TransportError);
    expect((missing as TransportError).code).toBe('unreachable');
    expect((missing as TransportError).message).toContain('serial:///nonexistent/easydo-printer-tty?baud=9600');
    await transport.close();

    pair = await createPtyPair();
    transport = serialTransport(pair.a);
    let far = await fakePrinter(pair.b, 0x12);
    await transport.write(Uint8Array.of(1, 2, 3));
    await until(() => far.received.length >= 3, 'the first write');
    await far.link.close();
    await pair.stop();
    await pair.start();
    far = await fakePrinter(pair.b, 0x12);
    printerSide = far.link;
    // The old descriptor is gone with the old pty: writes fail until the transport notices and reopens.
    await until(() => {
      void transport!.write(Uint8Array.of(4, 5, 6)).catch(() => undefined);
      return far.received.length >= 3;
    }, 'a write after the replug');
    expect(far.received.slice(0, 3)).toEqual([4, 5, 6]);
  });
});
