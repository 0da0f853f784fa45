// USB HID POS reports (a fake device standing in for node-hid) and the keyboard wedge's key bursts, through
// the same scanner service: codes assembled across reports, AIM identifiers, oversized codes refused, an
// unplug as noDevice and back; a wedge's keys become a code and a person's slow typing does not.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { HidReportDevice } from '../../src/idcard/transport/hid';
import { HONEYWELL_HID_POS, HidPosLink, hidPosDecoder } from '../../src/qrscan/transport/hid-pos';
import { KeyboardWedgeLink } from '../../src/qrscan/transport/keyboard-wedge';
import { createQrScanner } from '../../src/qrscan/scanner/service';

class FakeHidPosScanner extends EventEmitter implements HidReportDevice {
  closed = false;
  async write(): Promise<number> {
    throw new Error('no output reports');
  }
  async close(): Promise<void> {
    this.closed = true;
  }
  /** Sends a code the way a HID POS scanner does: 56-byte slices, a "more" flag on all but the last. */
  scan(data: Uint8Array, aim = ']Q1'): void {
    for (let at = 0; at < data.length || at === 0; at += 56) {
      const part = data.subarray(at, at + 56);
      const report = Buffer.alloc(64);
      report[0] = 0x02;
      report[1] = part.length;
      report.set(part, 2);
      report.write(aim, 58, 'latin1');
      report[63] = at + 56 < data.length ? 1 : 0;
      this.emit('data', report);
      if (data.length === 0) break;
    }
  }
}

const text = (s: string) => new TextEncoder().encode(s);

describe('HID POS', () => {
  it('decodes one report: length, data, AIM id, more flag', () => {
    const report = new Uint8Array(64);
    report.set([0x02, 3, 0x61, 0x62, 0x63], 0);
    report.set(text(']Q1'), 58);
    report[63] = 1;
    expect(hidPosDecoder(HONEYWELL_HID_POS).decode(report)).toEqual({ data: text('abc'), more: true, aimId: ']Q1' });
    expect(hidPosDecoder().decode(Uint8Array.of(0x01, 2, 3))).toBeNull();
  });

  it('assembles a long code across reports, refuses an oversized one, and survives an unplug', async () => {
    let device = new FakeHidPosScanner();
    let plugged = true;
    const link = new HidPosLink({ openDevice: async () => (plugged ? device : Promise.reject(new Error('not present'))) });
    const scanner = createQrScanner({ link, maxBytes: 500, reconnectIntervalMs: 50 });
    await scanner.start();
    expect(scanner.snapshot()).toMatchObject({ status: 'online', capabilities: { transport: 'hidPos', suffix: 'framed', symbologyCommands: false } });

    const long = 'https://gd.example/ctid/' + '粤'.repeat(60); // 204 bytes: 4 reports
    const read = scanner.readCode({ timeoutMs: 5000 });
    device.scan(text(long));
    await expect(read).resolves.toMatchObject({ code: long, bytes: text(long).length });

    const big = expect(scanner.readCode({ timeoutMs: 5000 })).rejects.toMatchObject({ code: 'tooLong' });
    device.scan(text('x'.repeat(10 * 1024)));
    await big;

    const junk = expect(scanner.readCode({ timeoutMs: 5000 })).rejects.toMatchObject({ code: 'binaryJunk' });
    device.scan(Uint8Array.of(0xc3, 0x28, 0xff));
    await junk;

    plugged = false;
    device.emit('error', new Error('could not read from HID device'));
    expect(scanner.snapshot().status).toBe('noDevice');
    device = new FakeHidPosScanner();
    plugged = true;
    await new Promise<void>((resolve) => {
      const off = scanner.onChange((s) => s.status === 'online' && (off(), resolve()));
    });
    expect(scanner.snapshot().counters).toMatchObject({ codesRead: 1, framesRejected: 2, reconnects: 1 });
    await expect(link.write()).rejects.toMatchObject({ code: 'notSupported' });
    await scanner.stop();
  });
});

describe('keyboard wedge', () => {
  it('a burst of keys ending in Enter is a code; the keys are claimed so main keeps them from the page', async () => {
    let clock = 0;
    const wedge = new KeyboardWedgeLink({ now: () => clock, maxKeyGapMs: 50 });
    const scanner = createQrScanner({ link: wedge });
    await scanner.start();
    const read = scanner.readCode({ timeoutMs: 5000 });
    const claimed = [...'RCPT-2026', 'Enter'].map((key) => {
      clock += 5;
      return wedge.feedKey(key);
    });
    expect(claimed.every(Boolean)).toBe(true);
    await expect(read).resolves.toMatchObject({ code: 'RCPT-2026' });
    await scanner.stop();
  });

  it('a slow typist is not a scanner: keys before a long gap are dropped', () => {
    let clock = 0;
    const wedge = new KeyboardWedgeLink({ now: () => clock, maxKeyGapMs: 50 });
    void wedge.open();
    const codes: string[] = [];
    wedge.onData((d) => codes.push(new TextDecoder().decode(d)));
    for (const key of ['a', 'b']) {
      clock += 300;
      wedge.feedKey(key);
    }
    clock += 5;
    wedge.feedKey('c');
    clock += 5;
    wedge.feedKey('Enter');
    expect(codes).toEqual(['bc']);
    expect(wedge.feedKey('Control')).toBe(false);
  });
});
