// A tty that hangs up (its pty master closed, as when socat stops or a USB-serial adapter is unplugged) must end
// its serial port, whenever it happens. With @serialport/bindings-cpp's own read, a read that was not parked in
// the poller at the hang-up re-reads 0 bytes forever: no 'close', a dead fd kept, the replug soak stuck offline.
import { afterEach, describe, expect, it } from 'vitest';
import { hangUpAwareBinding, SerialHangUpError } from '../../src/device/hangup-aware-binding';
import { SerialByteLink } from '../../src/device/serial-link';
import { createPtyPair, type PtyPair } from '../idcard/pty-pair';

const binding = hangUpAwareBinding();
type Port = Awaited<ReturnType<typeof binding.open>>;

describe('the hang-up-aware serial binding, on a real socat pty pair', () => {
  let pty: PtyPair | null = null;
  const ports: Port[] = [];
  const links: SerialByteLink[] = [];

  afterEach(async () => {
    for (const port of ports.splice(0)) if (port.isOpen) await port.close().catch(() => undefined);
    for (const link of links.splice(0)) await link.close();
    await pty?.dispose();
    pty = null;
  });

  async function openPort(path: string): Promise<Port> {
    const port = await binding.open({ path, baudRate: 115200 });
    ports.push(port);
    return port;
  }

  it('rejects a read that starts after the hang-up, as a disconnect (the stock read never settles)', async () => {
    pty = await createPtyPair();
    const port = await openPort(pty.b);
    await pty.stop(); // the master is gone: every read of this tty now returns 0 bytes
    const failure = await port.read(Buffer.alloc(64), 0, 64).then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(SerialHangUpError);
    expect(failure).toMatchObject({ disconnect: true });
  });

  it('still delivers bytes, waiting in the poller until they come', async () => {
    pty = await createPtyPair();
    const a = await openPort(pty.a);
    const b = await openPort(pty.b);
    const pending = b.read(Buffer.alloc(64), 0, 64); // nothing there yet: parked in the poller
    await a.write(Buffer.from([0xaa, 0xaa, 0x96, 0x69]));
    const got: number[] = [];
    for (let next = pending; ; next = b.read(Buffer.alloc(64), 0, 64)) {
      const { buffer, bytesRead } = await next;
      got.push(...buffer.subarray(0, bytesRead));
      if (got.length >= 4) break;
    }
    expect(got).toEqual([0xaa, 0xaa, 0x96, 0x69]);
  });

  it('a link that hangs up in the middle of a stream reports close, and opens again on the new pty', async () => {
    pty = await createPtyPair();
    const a = new SerialByteLink({ path: pty.a });
    const b = new SerialByteLink({ path: pty.b });
    links.push(a, b);
    await a.open();
    await b.open();
    let received = 0;
    b.onData((chunk) => (received += chunk.length));
    const closed = new Promise<boolean>((resolve) => b.onClose((info) => resolve(info.disconnected)));
    // A flood keeps b's reads busy (not parked in the poller) when the pty goes away.
    let flooding = true;
    const chunk = new Uint8Array(4096).fill(0x55);
    const flood = (async () => {
      while (flooding) await a.write(chunk).catch(() => (flooding = false));
    })();
    while (received < 64 * 1024) await new Promise((resolve) => setTimeout(resolve, 5));
    await pty.stop();
    flooding = false;
    await flood;
    expect(await closed).toBe(true);
    expect(b.isOpen).toBe(false);

    await pty.start(); // plugged back in: the same path, a new pty
    await a.close();
    await a.open();
    await b.open();
    const echoed = new Promise<number>((resolve) => b.onData((c) => resolve(c[0]!)));
    await a.write(new Uint8Array([0x42]));
    expect(await echoed).toBe(0x42);
  });
});
