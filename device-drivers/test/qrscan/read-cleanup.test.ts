// A read that ends any way (abort, timeout, code) leaves no timer and no abort listener behind: a kiosk waits
// for codes all day, and each cancelled 45 s wait used to keep both.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQrScanner } from '../../src/qrscan/scanner/service';
import { createScannerMemoryLink } from '../../src/qrscan/transport/memory-link';
import { ScannerSimulator } from '../../src/qrscan/simulator/simulator';

afterEach(() => {
  vi.useRealTimers();
});

async function rig() {
  const link = createScannerMemoryLink();
  const imager = new ScannerSimulator({ mode: 'continuous' });
  imager.attach(link.device);
  const scanner = createQrScanner({ link: link.host, mode: 'continuous' });
  await scanner.start();
  return { scanner, imager };
}

function spiedSignal() {
  const controller = new AbortController();
  const added = vi.spyOn(controller.signal, 'addEventListener');
  const removed = vi.spyOn(controller.signal, 'removeEventListener');
  return { controller, added: () => added.mock.calls.length, removed: () => removed.mock.calls.length };
}

describe('readCode cleanup', () => {
  it('an aborted read clears its timer and its abort listener', async () => {
    const { scanner } = await rig();
    vi.useFakeTimers();
    const before = vi.getTimerCount();
    const s = spiedSignal();
    const reading = scanner.readCode({ timeoutMs: 45_000, signal: s.controller.signal }).catch((e: unknown) => e);
    expect(vi.getTimerCount()).toBe(before + 1);
    s.controller.abort();
    expect(await reading).toMatchObject({ code: 'cancelled' });
    expect(vi.getTimerCount()).toBe(before);
    expect(s.removed()).toBe(s.added());
    vi.useRealTimers();
    await scanner.stop();
  });

  it('a timed-out read removes its abort listener; an already aborted signal adds none', async () => {
    const { scanner } = await rig();
    const s = spiedSignal();
    await expect(scanner.readCode({ timeoutMs: 1, signal: s.controller.signal })).rejects.toMatchObject({ code: 'timeout' });
    expect(s.added()).toBe(1);
    expect(s.removed()).toBe(1);

    const gone = spiedSignal();
    gone.controller.abort();
    await expect(scanner.readCode({ timeoutMs: 45_000, signal: gone.controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
    expect(gone.added()).toBe(0);
    await scanner.stop();
  });
});
