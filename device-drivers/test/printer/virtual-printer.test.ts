// Our bytes, sent over loopback TCP to the virtual printer, come out as exactly the planned lines.
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { planLayout } from '../../src/printer/escpos/plan';
import { renderLayout } from '../../src/printer/escpos/render';
import { PROFILES } from '../../src/printer/profiles';
import { sampleReceipt } from '../../src/printer/sample';
import { tcpTransport } from '../../src/printer/transport/tcp';
import { EscPosParser } from '../../src/printer/virtual/parser';
import { startVirtualPrinter, type VirtualPrinter } from '../../src/printer/virtual/server';
import { artifactDir, GOLDEN_LAYOUT } from './helpers';

let printer: VirtualPrinter | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

describe('virtual printer over loopback TCP', () => {
  for (const profile of Object.values(PROFILES)) {
    it(`${profile.name}: prints exactly the intended lines, none wider than the paper`, async () => {
      printer = await startVirtualPrinter({ port: 0, outDir: artifactDir(`loopback-${profile.name}`), dots: profile.dots, charset: profile.charset });
      await tcpTransport('127.0.0.1', printer.port).write(renderLayout(GOLDEN_LAYOUT, profile));
      const [job] = await printer.waitForJobs(1);
      const planned = planLayout(GOLDEN_LAYOUT, profile).filter((o) => o.kind === 'line').map((o) => o.text);
      const printed = job!.blocks.filter((b) => b.type === 'line').map((b) => b.text);
      // The LF after a QR code prints one empty line of its own.
      expect(printed.filter((t) => t !== '')).toEqual(planned.filter((t) => t !== ''));
      for (const b of job!.blocks) if (b.type === 'line') {
        expect(b.overflow, b.text).toBe(false);
        expect(b.dots).toBeLessThanOrEqual(profile.dots);
      }
      expect(job!.unknown).toEqual([]);
      expect(job!.misprints).toBe(0);
      // QR payload survives, both native (80mm) and raster (58mm, read back with jsQR).
      expect(job!.lines).toContain('[QR:easydo://query?no=SZNS-20250101-000123&pw=836412&中心=南山]');
      const txt = readFileSync(job!.files.txt, 'utf8');
      expect(txt).toContain('深圳市南山区政务服务中心'.slice(0, 4));
      expect(txt).toContain(profile.charset === 'gbk' ? '￥12.00' : '¥12.00');
      const png = PNG.sync.read(readFileSync(job!.files.png));
      expect(png.width).toBe(profile.dots + 32);
      expect(png.height).toBeGreaterThan(400);
      expect(Buffer.compare(readFileSync(job!.files.bin), Buffer.from(renderLayout(GOLDEN_LAYOUT, profile)))).toBe(0);
    });
  }

  it('the PNG has ink where the text is (font found) and the sample receipt prints through the CLI path', async () => {
    printer = await startVirtualPrinter({ port: 0, outDir: artifactDir('sample') });
    await tcpTransport('127.0.0.1', printer.port).write(renderLayout(sampleReceipt(), PROFILES['80mm']));
    const [job] = await printer.waitForJobs(1);
    expect(job!.lines.join('\n')).toContain('这是一行很长的中文文字');
    const png = PNG.sync.read(readFileSync(job!.files.png));
    let dark = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 128) dark++;
    expect(dark / (png.width * png.height)).toBeGreaterThan(0.02);
  });

  it('a GBK-only printer misprints GB18030 4-byte sequences (why 58mm maps ¥ → ￥)', () => {
    const parser = new EscPosParser({ dots: 384, charset: 'gbk', chineseModeAtReset: false });
    parser.write(renderLayout([{ type: 'text', text: '¥1' }], PROFILES['80mm']));
    const job = parser.end();
    expect(job.misprints).toBeGreaterThan(0);
    expect(job.blocks.some((b) => b.type === 'line' && b.text.includes('¥'))).toBe(false);
  });

  it('without FS & a printer whose power-on default is not Chinese prints garbage, and unknown commands do not desync', () => {
    const parser = new EscPosParser({ dots: 576, charset: 'gb18030', chineseModeAtReset: false });
    // ESC @, then GB text without FS &, LF, then an unknown ESC command and FS & + text.
    parser.write(Uint8Array.from([0x1b, 0x40, 0xd6, 0xd0, 0x0a, 0x1b, 0x28, 0x41, 0x02, 0x00, 0x30, 0x31, 0x1c, 0x26, 0xd6, 0xd0, 0x0a]));
    const lines = parser.end().blocks.filter((b) => b.type === 'line').map((b) => b.text);
    expect(lines[0]).not.toBe('中');
    expect(lines[1]).toBe('中');
  });

  it('parses a stream split at every byte the same as in one piece', () => {
    const bytes = renderLayout(GOLDEN_LAYOUT, PROFILES['80mm']);
    const whole = new EscPosParser({ dots: 576, charset: 'gb18030', chineseModeAtReset: false });
    whole.write(bytes);
    const split = new EscPosParser({ dots: 576, charset: 'gb18030', chineseModeAtReset: false });
    for (const b of bytes) split.write(Uint8Array.of(b));
    expect(split.end()).toEqual(whole.end());
  });
});
