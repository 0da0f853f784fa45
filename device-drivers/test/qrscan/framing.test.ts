// The frame cutter and the code check: suffixes, prefixes, partial and over-long frames, junk and control
// characters, and (property) that no byte stream, however chunked, yields a code with a control character.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodeFramer, type FramePiece } from '../../src/qrscan/protocol/framer';
import { checkCode } from '../../src/qrscan/protocol/code-text';

const bytes = (s: string) => new TextEncoder().encode(s);
const frames = (pieces: FramePiece[]) => pieces.map((p) => (p.kind === 'frame' ? new TextDecoder().decode(p.bytes) : `!${p.reason}`));

describe('CodeFramer', () => {
  it('cuts at CR, CR LF and TAB, across chunk boundaries', () => {
    const cr = new CodeFramer({ suffix: 'cr' });
    expect(frames([...cr.push(bytes('ab')), ...cr.push(bytes('c\rdef\r'))])).toEqual(['abc', 'def']);
    const crlf = new CodeFramer({ suffix: 'crlf' });
    expect(frames([...crlf.push(bytes('one\r')), ...crlf.push(bytes('\ntwo\r\n'))])).toEqual(['one', 'two']);
    const tab = new CodeFramer({ suffix: 'tab' });
    expect(frames(tab.push(bytes('x\ty\t')))).toEqual(['x', 'y']);
  });

  it('CR mode drops the LF of a scanner set to CR LF', () => {
    const cr = new CodeFramer({ suffix: 'cr' });
    expect(frames(cr.push(bytes('a\r\nb\r\n')))).toEqual(['a', 'b']);
  });

  it('no suffix: the idle gap ends the frame', () => {
    const none = new CodeFramer({ suffix: 'none' });
    expect(none.push(bytes('abc'))).toEqual([]);
    expect(none.pending).toBe(true);
    expect(frames([none.idle()!])).toEqual(['abc']);
    expect(none.idle()).toBeNull();
  });

  it('bytes whose suffix never comes are a partial frame at the idle gap', () => {
    const cr = new CodeFramer({ suffix: 'cr' });
    cr.push(bytes('https://progress.exa'));
    expect(cr.idle()).toEqual({ kind: 'rejected', reason: 'partialFrame', bytes: 20 });
    expect(frames(cr.push(bytes('next\r')))).toEqual(['next']);
  });

  it('a 10 kB frame is refused once and discarded up to its suffix; the next code reads', () => {
    const cr = new CodeFramer({ suffix: 'cr', maxBytes: 4096 });
    const out = cr.push(bytes('A'.repeat(10 * 1024) + '\rok\r'));
    expect(frames(out)).toEqual(['!tooLong', 'ok']);
    const none = new CodeFramer({ suffix: 'none', maxBytes: 100 });
    expect(frames(none.push(bytes('B'.repeat(500))))).toEqual(['!tooLong']);
    expect(none.idle()).toBeNull();
  });

  it('an empty frame (a bare suffix) is refused as empty', () => {
    expect(frames(new CodeFramer({ suffix: 'cr' }).push(bytes('\r')))).toEqual(['!emptyCode']);
  });
});

describe('checkCode', () => {
  it('passes UTF-8 codes through, Chinese included', () => {
    expect(checkCode(bytes('粤居码:abc-123'))).toEqual({ ok: true, code: '粤居码:abc-123' });
  });

  it('refuses invalid UTF-8 and NUL bytes as binary junk', () => {
    expect(checkCode(Uint8Array.of(0xff, 0xfe, 0x41))).toEqual({ ok: false, reason: 'binaryJunk' });
    expect(checkCode(Uint8Array.of(0x41, 0x00, 0x42))).toEqual({ ok: false, reason: 'binaryJunk' });
  });

  it.each(['AB\u0007C', 'x\u001b[2J', 'a\u007fb', 'a\u0085b', 'abc\u202egnp.exe', 'a\u200bb', '\ufeffabc'])('refuses control characters in %j', (text) => {
    expect(checkCode(bytes(text))).toEqual({ ok: false, reason: 'controlCharacters' });
  });

  it('strips and requires a configured prefix', () => {
    const prefix = bytes('\u0002');
    expect(checkCode(bytes('\u0002abc'), { prefix })).toEqual({ ok: true, code: 'abc' });
    expect(checkCode(bytes('abc'), { prefix })).toEqual({ ok: false, reason: 'badPrefix' });
  });

  it('reads an AIM identifier as the symbology', () => {
    expect(checkCode(bytes(']Q1hello'), { aimId: true })).toEqual({ ok: true, code: 'hello', symbology: 'qr' });
    expect(checkCode(bytes(']Q1'), { aimId: true })).toEqual({ ok: false, reason: 'emptyCode' });
  });
});

describe('fuzz: any bytes, any chunking', () => {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

  it('never yields a code with a control character, and never a frame over the limit', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 40 }), (data, cuts) => {
        const framer = new CodeFramer({ suffix: 'cr', maxBytes: 512 });
        const pieces: FramePiece[] = [];
        let at = 0;
        for (const n of cuts) {
          pieces.push(...framer.push(data.subarray(at, at + n)));
          at += n;
        }
        pieces.push(...framer.push(data.subarray(at)));
        const last = framer.idle();
        if (last) pieces.push(last);
        for (const p of pieces) {
          if (p.kind !== 'frame') continue;
          expect(p.bytes.length).toBeLessThanOrEqual(512);
          const checked = checkCode(p.bytes);
          if (checked.ok) expect(CONTROL.test(checked.code)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('chunking does not change what is read', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !s.includes('\r')), { maxLength: 8 }), fc.integer({ min: 1, max: 7 }), (codes, size) => {
        const stream = bytes(codes.map((c) => c + '\r').join(''));
        const whole = frames(new CodeFramer({ suffix: 'cr' }).push(stream));
        const framer = new CodeFramer({ suffix: 'cr' });
        const pieces: FramePiece[] = [];
        for (let i = 0; i < stream.length; i += size) pieces.push(...framer.push(stream.subarray(i, i + size)));
        expect(frames(pieces)).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });
});
