import { describe, expect, it } from 'vitest';
import type { DecodeEvent } from '../../src/idcard/index';
import {
  COMMANDS,
  encodeCommand,
  encodeRequest,
  encodeResponse,
  FrameDecoder,
  fromHex,
  interpretSw3,
  MIN_RESPONSE_LENGTH,
  parseBaseMessage,
  parseSamId,
  encodeSamId,
  setBaudRateCommand,
  setMaxRfBytesCommand,
  SW3,
  toHex,
  xorChecksum,
} from '../../src/idcard/index';
import { fixtureFrame, fixtureRecords } from './helpers';

const frames = (events: DecodeEvent[]) => events.filter((e) => e.kind === 'frame').map((e) => (e.kind === 'frame' ? toHex(e.frame, '') : ''));
const errors = (events: DecodeEvent[]) => events.flatMap((e) => (e.kind === 'error' ? [e.error.code] : []));

describe('encoder', () => {
  it('produces the documented request bytes (reference §2)', () => {
    const expected: Record<string, string> = {
      resetSam: 'AA AA AA 96 69 00 03 10 FF EC',
      samStatus: 'AA AA AA 96 69 00 03 11 FF ED',
      samId: 'AA AA AA 96 69 00 03 12 FF EE',
      findCard: 'AA AA AA 96 69 00 03 20 01 22',
      selectCard: 'AA AA AA 96 69 00 03 20 02 21',
      readBase: 'AA AA AA 96 69 00 03 30 01 32',
      readBaseFingerprint: 'AA AA AA 96 69 00 03 30 10 23',
      readNewAddress: 'AA AA AA 96 69 00 03 30 03 30',
      readManagementNumber: 'AA AA AA 96 69 00 03 30 05 36',
    };
    for (const [name, bytes] of Object.entries(expected)) {
      expect(toHex(encodeCommand(COMMANDS[name as keyof typeof COMMANDS])), name).toBe(bytes);
    }
    expect(toHex(encodeCommand(setBaudRateCommand(115200)))).toBe('AA AA AA 96 69 00 03 60 00 63');
    expect(toHex(encodeCommand(setMaxRfBytesCommand(0x50)))).toBe('AA AA AA 96 69 00 04 61 FF 50 CA');
    expect(() => setBaudRateCommand(12345)).toThrowError(expect.objectContaining({ code: 'unsupportedBaudRate' }));
  });

  it('produces the documented short replies (frames.md)', () => {
    expect(toHex(encodeResponse({ sw3: 0x9f, data: new Uint8Array(4) }), '')).toBe('AAAAAA9669000800009F0000000097');
    expect(toHex(encodeResponse({ sw3: 0x80 }), '')).toBe('AAAAAA9669000400008084');
    expect(toHex(encodeResponse({ sw3: 0x90, data: new Uint8Array(8) }), '')).toBe('AAAAAA9669000C00009000000000000000009C');
    expect(toHex(encodeResponse({ sw3: 0x81 }))).toBe('AA AA AA 96 69 00 04 00 00 81 85');
    expect(toHex(encodeResponse({ sw3: 0x41 }))).toBe('AA AA AA 96 69 00 04 00 00 41 45');
    expect(xorChecksum(Uint8Array.of(0x00, 0x03, 0x20, 0x01))).toBe(0x22);
  });
});

describe('length-driven decoder', () => {
  const reply = fixtureFrame(fixtureRecords()[0]!);

  it('reassembles a 1295-byte reply split at every possible point', () => {
    for (let cut = 1; cut < reply.length; cut += 7) {
      const d = new FrameDecoder({ minLength: MIN_RESPONSE_LENGTH });
      const events = [...d.push(reply.subarray(0, cut)), ...d.push(reply.subarray(cut))];
      expect(frames(events)).toEqual([toHex(reply, '')]);
      expect(errors(events)).toEqual([]);
    }
  });

  it('takes one byte at a time', () => {
    const d = new FrameDecoder();
    const events = Array.from(reply).flatMap((b) => d.push(Uint8Array.of(b)));
    expect(frames(events)).toHaveLength(1);
    expect(d.pending).toBe(0);
  });

  it('does not re-scan for the preamble inside a frame of known length', () => {
    // A photo containing AA AA AA 96 69 (and a plausible header after it) must not cut the frame.
    const text = new Uint8Array(256).fill(0x20);
    const photo = new Uint8Array(1024);
    photo.set(fromHex('AAAAAA9669000400008084'), 100);
    const frame = encodeResponse({ sw3: 0x90, data: new Uint8Array([0x01, 0x00, 0x04, 0x00, ...text, ...photo]) });
    const events = new FrameDecoder().push(frame);
    expect(events).toHaveLength(1);
    expect(events[0]!.kind).toBe('frame');
    if (events[0]!.kind === 'frame') expect(parseBaseMessage(events[0]!.body.subarray(3), { withFingerprint: false }).photo).toEqual(photo);
  });

  it('drops leading garbage and reports it', () => {
    const d = new FrameDecoder();
    const events = d.push(new Uint8Array([0x01, 0xaa, 0xaa, 0x02, 0xaa, ...encodeResponse({ sw3: 0x80 })]));
    expect(errors(events)).toEqual(['garbage']);
    expect(frames(events)).toEqual(['AAAAAA9669000400008084']);
  });

  it('keeps a preamble prefix split across chunks', () => {
    const d = new FrameDecoder();
    const frame = encodeResponse({ sw3: 0x80 });
    expect(d.push(Uint8Array.of(0x33, 0xaa, 0xaa))).toEqual([expect.objectContaining({ kind: 'error' })]);
    expect(frames(d.push(frame.subarray(2)))).toEqual(['AAAAAA9669000400008084']);
  });

  it('resyncs after a bad checksum to the next frame', () => {
    const bad = encodeResponse({ sw3: 0x90, data: new Uint8Array(8) });
    bad[bad.length - 1]! ^= 0xff;
    const good = encodeResponse({ sw3: 0x9f, data: new Uint8Array(4) });
    const events = new FrameDecoder().push(new Uint8Array([...bad, ...good]));
    expect(errors(events)).toEqual(['badChecksum']);
    expect(frames(events)).toEqual([toHex(good, '')]);
  });

  it('resyncs after an impossible length', () => {
    const events = new FrameDecoder({ minLength: 4 }).push(fromHex('AAAAAA96690001FF AAAAAA9669000400008084'));
    expect(errors(events)).toEqual(['badLength']);
    expect(frames(events)).toEqual(['AAAAAA9669000400008084']);
    expect(errors(new FrameDecoder().push(fromHex('AAAAAA9669FFFF00')))).toEqual(['badLength']);
  });

  it('drops a partial frame on an idle gap', () => {
    const d = new FrameDecoder();
    expect(d.push(reply.subarray(0, 600))).toEqual([]);
    expect(errors(d.idle())).toEqual(['truncated']);
    expect(frames(d.push(encodeResponse({ sw3: 0x80 })))).toHaveLength(1);
    expect(d.idle()).toEqual([]);
  });
});

describe('SW3 mapping', () => {
  it('maps every documented SW3 to its own typed code', () => {
    const codes = Object.entries(SW3).map(([code, byte]) => {
      const status = interpretSw3(byte, 0x12, 0x34);
      expect(status.code).toBe(code);
      expect(status).toMatchObject({ sw1: 0x12, sw2: 0x34, sw3: byte });
      return status.code;
    });
    expect(new Set(codes).size).toBe(20);
    expect(interpretSw3(0x90).success).toBe(true);
    expect(interpretSw3(0x9f).success).toBe(true);
    expect(interpretSw3(0x91).success).toBe(true);
    expect(interpretSw3(0x80).success).toBe(false);
    expect(interpretSw3(0x77)).toMatchObject({ code: 'unknownStatus', success: false, message: 'unknown SAM status 0x77' });
  });
});

describe('reply data', () => {
  it('formats the SAM ID', () => {
    expect(parseSamId(encodeSamId(5, 1, 20260101, 12345678, 1234567890)).text).toBe('05.01-20260101-0012345678-1234567890');
    expect(() => parseSamId(new Uint8Array(3))).toThrowError(expect.objectContaining({ code: 'badResponse' }));
  });

  it('rejects read data whose lengths do not add up', () => {
    expect(() => parseBaseMessage(fromHex('0100040000'), { withFingerprint: false })).toThrowError(expect.objectContaining({ code: 'badResponse' }));
    expect(() => parseBaseMessage(new Uint8Array(2), { withFingerprint: true })).toThrowError(expect.objectContaining({ code: 'badResponse' }));
  });

  it('encodes requests with data', () => {
    expect(toHex(encodeRequest(0x61, 0xff, Uint8Array.of(0x50)))).toBe('AA AA AA 96 69 00 04 61 FF 50 CA');
  });
});
