// A streaming ESC/POS parser for the virtual printer and for tests (reference §2.2). No maintained npm
// parser exists and none decodes GB18030, so this is ours. It keeps printer state (align, bold, size,
// Chinese mode), decodes text with iconv-lite, and makes every known command consume its parameters so an
// unsupported command never desyncs the stream. Incomplete commands wait for the next chunk.
import iconv from 'iconv-lite';
import type { ParsedJob, PrintBlock, StatusRequest } from './job-model';

export interface ParserOptions {
  /** Printable dots per line (576 for 80 mm, 384 for 58 mm). */
  dots: number;
  /** GB18030 printers decode 4-byte sequences; GBK-only ones misprint them. */
  charset: 'gb18030' | 'gbk';
  /** Whether Chinese mode is on after power-up / ESC @ (vendor-specific; off is the strict choice). */
  chineseModeAtReset: boolean;
  onStatusRequest?: (request: StatusRequest) => void;
}

class NeedMore extends Error {}

type Align = 'left' | 'center' | 'right';

export class EscPosParser {
  private buf = new Uint8Array(0);
  private readonly blocks: PrintBlock[] = [];
  private readonly unknown: string[] = [];
  private misprints = 0;
  private statusRequests = 0;
  // printer state
  private align: Align = 'left';
  private bold = false;
  private widthMul = 1;
  private heightMul = 1;
  private chinese: boolean;
  // current line
  private line = '';
  private lineDots = 0;
  private lineStyle: { align: Align; bold: boolean; widthMul: number; heightMul: number } | null = null;
  // QR symbol being defined with GS ( k
  private qr = { moduleSize: 3, ec: 'L' as 'L' | 'M' | 'Q' | 'H', data: new Uint8Array(0) };
  // graphics stored with GS ( L / GS 8 L fn 112
  private storedGraphic: { widthBytes: number; height: number; data: Uint8Array } | null = null;

  constructor(private readonly opts: ParserOptions) {
    this.chinese = opts.chineseModeAtReset;
  }

  write(chunk: Uint8Array): void {
    const joined = new Uint8Array(this.buf.length + chunk.length);
    joined.set(this.buf);
    joined.set(chunk, this.buf.length);
    let pos = 0;
    while (pos < joined.length) {
      try {
        pos += this.step(joined, pos);
      } catch (e) {
        if (e instanceof NeedMore) break;
        throw e;
      }
    }
    this.buf = joined.slice(pos);
  }

  /** Flush what is pending and return the job. Bytes of an incomplete trailing command are reported as unknown. */
  end(): ParsedJob {
    if (this.buf.length > 0) this.unknown.push(`incomplete:${hex(this.buf.subarray(0, 8))}`);
    this.buf = new Uint8Array(0);
    if (this.line.length > 0) this.flushLine(false);
    return { blocks: [...this.blocks], unknown: [...this.unknown], misprints: this.misprints, statusRequests: this.statusRequests };
  }

  private reset(): void {
    this.align = 'left';
    this.bold = false;
    this.widthMul = 1;
    this.heightMul = 1;
    this.chinese = this.opts.chineseModeAtReset;
  }

  private flushLine(overflow: boolean): void {
    const style = this.lineStyle ?? { align: this.align, bold: this.bold, widthMul: this.widthMul, heightMul: this.heightMul };
    this.blocks.push({ type: 'line', text: this.line, dots: this.lineDots, overflow, ...style });
    this.line = '';
    this.lineDots = 0;
    this.lineStyle = null;
  }

  private addChar(ch: string, cellDots: number): void {
    const dots = cellDots * this.widthMul;
    if (this.lineDots + dots > this.opts.dots && this.line.length > 0) this.flushLine(true);
    this.lineStyle ??= { align: this.align, bold: this.bold, widthMul: this.widthMul, heightMul: this.heightMul };
    this.line += ch;
    this.lineDots += dots;
  }

  private status(request: StatusRequest): void {
    this.statusRequests++;
    this.opts.onStatusRequest?.(request);
  }

  /** Parse one command or character at `p`; return the bytes consumed. Handlers read all parameters
   * (which may throw NeedMore) before changing any state, so a retry with more bytes is safe. */
  private step(b: Uint8Array, p: number): number {
    const at = (i: number): number => {
      if (p + i >= b.length) throw new NeedMore();
      return b[p + i]!;
    };
    const c = b[p]!;
    switch (c) {
      case 0x0a:
        this.flushLine(false);
        return 1;
      case 0x0d:
        return 1;
      case 0x09: {
        const col = Math.floor(this.lineDots / 12);
        const spaces = 8 - (col % 8);
        for (let i = 0; i < spaces; i++) this.addChar(' ', 12);
        return 1;
      }
      case 0x0c:
        if (this.line.length > 0) this.flushLine(false);
        return 1;
      case 0x10:
        return this.dle(at);
      case 0x1b:
        return this.esc(b, p, at);
      case 0x1d:
        return this.gs(b, p, at);
      case 0x1c:
        return this.fs(b, p, at);
    }
    if (c < 0x20) {
      this.unknown.push(hex([c]));
      return 1;
    }
    return this.text(at);
  }

  private text(at: (i: number) => number): number {
    const c = at(0);
    if (c < 0x80) {
      this.addChar(String.fromCharCode(c), 12);
      return 1;
    }
    if (!this.chinese || c === 0x80 || c === 0xff) {
      // Single-byte code page character (ESC t 0 = PC437).
      this.addChar(iconv.decode(Buffer.from([c]), 'cp437'), 12);
      return 1;
    }
    const c2 = at(1);
    if (c2 >= 0x30 && c2 <= 0x39) {
      const bytes = [c, c2, at(2), at(3)];
      if (this.opts.charset === 'gbk') {
        // A GBK-only printer takes the first two bytes as one character and the next two as another.
        this.misprints++;
        this.addChar('\ufffd', 24);
        return 2;
      }
      this.addChar(iconv.decode(Buffer.from(bytes), 'gb18030'), 24);
      return 4;
    }
    this.addChar(iconv.decode(Buffer.from([c, c2]), this.opts.charset), 24);
    return 2;
  }

  private dle(at: (i: number) => number): number {
    const fn = at(1);
    if (fn === 0x04) {
      this.status({ kind: 'dle-eot', n: at(2) });
      return 3;
    }
    if (fn === 0x05) return (at(2), 3); // DLE ENQ n
    if (fn === 0x14) return at(2) === 8 ? (at(9), 10) : (at(4), 5); // DLE DC4 8 d1..d7 (clear buffers) / DLE DC4 fn m t
    this.unknown.push(hex([0x10, fn]));
    return 2;
  }

  private esc(b: Uint8Array, p: number, at: (i: number) => number): number {
    const fn = String.fromCharCode(at(1));
    switch (fn) {
      case '@':
        if (this.line.length > 0) this.flushLine(false);
        this.reset();
        return 2;
      case '!': {
        const n = at(2);
        this.bold = (n & 0x08) !== 0;
        this.heightMul = n & 0x10 ? 2 : 1;
        this.widthMul = n & 0x20 ? 2 : 1;
        return 3;
      }
      case 'E':
      case 'G':
        this.bold = (at(2) & 1) === 1;
        return 3;
      case 'a': {
        const n = at(2) % 48;
        this.align = n === 1 ? 'center' : n === 2 ? 'right' : 'left';
        return 3;
      }
      case 'd': {
        const lines = at(2);
        if (this.line.length > 0) this.flushLine(false);
        this.blocks.push({ type: 'feed', lines });
        return 3;
      }
      case 'J':
        at(2);
        if (this.line.length > 0) this.flushLine(false);
        return 3;
      case 'i':
      case 'm':
        this.blocks.push({ type: 'cut' });
        return 2;
      case '2':
      case '<':
      case 'L':
      case 'S':
        return 2;
      case '-': case '3': case 'M': case 'R': case 't': case 'V': case '{': case ' ': case 'r': case 'U': case 'T': case '%': case '?': case 'e': case 'K': case 'c': case 'u':
        // One parameter byte (ESC c n is ESC c 3 n / ESC c 4 n / ESC c 5 n: two bytes).
        return fn === 'c' ? (at(3), 4) : (at(2), 3);
      case '$':
      case '\\':
        at(3);
        return 4;
      case 'p':
        at(4);
        return 5; // ESC p m t1 t2 (cash drawer)
      case 'B':
        at(3);
        return 4; // ESC B n t (beeper on Chinese printers)
      case 'W':
        at(9);
        return 10;
      case 'D': {
        let i = 2;
        while (at(i) !== 0) i++;
        return i + 1;
      }
      case '*': {
        const m = at(2);
        const n = at(3) + at(4) * 256;
        const len = (m === 32 || m === 33 ? 3 : 1) * n;
        at(4 + len);
        this.unknown.push('ESC *');
        return 5 + len;
      }
      case '(': {
        const len = at(3) + at(4) * 256;
        at(4 + len);
        return 5 + len;
      }
    }
    this.unknown.push(hex(b.subarray(p, p + 2)));
    return 2;
  }

  private gs(b: Uint8Array, p: number, at: (i: number) => number): number {
    const fn = String.fromCharCode(at(1));
    switch (fn) {
      case '!': {
        const n = at(2);
        this.widthMul = ((n >> 4) & 7) + 1;
        this.heightMul = (n & 7) + 1;
        return 3;
      }
      case 'V': {
        // Read every parameter before any side effect: a NeedMore retry must not cut twice.
        const m = at(2);
        const length = m === 65 || m === 66 || m === 97 || m === 98 ? (at(3), 4) : 3;
        if (this.line.length > 0) this.flushLine(false);
        this.blocks.push({ type: 'cut' });
        return length;
      }
      case 'r':
        this.status({ kind: 'gs-r', n: at(2) });
        return 3;
      case 'I':
        this.status({ kind: 'gs-i', n: at(2) });
        return 3;
      case 'B': case 'H': case 'h': case 'w': case 'f': case 'a': case 'b': case 'E': case 'T': case 'j': case '/':
        at(2);
        return 3;
      case 'L': case 'W': case '$': case '\\': case 'P':
        at(3);
        return 4;
      case 'v': {
        // GS v 0 m xL xH yL yH d…: xL xH = width in BYTES.
        const widthBytes = at(4) + at(5) * 256;
        const height = at(6) + at(7) * 256;
        const len = widthBytes * height;
        at(7 + len);
        if (this.line.length > 0) this.flushLine(false);
        this.blocks.push({ type: 'image', widthBytes, height, data: b.slice(p + 8, p + 8 + len), align: this.align });
        return 8 + len;
      }
      case '*': {
        const len = at(2) * at(3) * 8;
        at(3 + len);
        return 4 + len;
      }
      case 'k':
        return this.barcode(at);
      case '(': {
        const len = at(3) + at(4) * 256;
        at(4 + len);
        const body = b.subarray(p + 5, p + 5 + len);
        const kind = String.fromCharCode(at(2));
        if (kind === 'k') this.qrCommand(body);
        else if (kind === 'L') this.graphics(body);
        return 5 + len;
      }
      case '8': {
        // GS 8 L p1 p2 p3 p4 m fn …: like GS ( L with a 4-byte length.
        if (String.fromCharCode(at(2)) !== 'L') break;
        const len = at(3) + at(4) * 0x100 + at(5) * 0x10000 + at(6) * 0x1000000;
        at(6 + len);
        this.graphics(b.subarray(p + 7, p + 7 + len));
        return 7 + len;
      }
    }
    this.unknown.push(hex(b.subarray(p, p + 2)));
    return 2;
  }

  private barcode(at: (i: number) => number): number {
    const m = at(2);
    if (m <= 6) {
      let i = 3;
      while (at(i) !== 0) i++;
      return i + 1;
    }
    return 4 + at(3);
  }

  /** GS ( k, cn 49 (QR). Other symbologies (PDF417 cn 48, MaxiCode cn 50) are skipped. */
  private qrCommand(body: Uint8Array): void {
    const [cn, fnc, a] = [body[0], body[1], body[2]];
    if (cn !== 49) return;
    if (fnc === 67 && a !== undefined) this.qr.moduleSize = a;
    else if (fnc === 69 && a !== undefined) this.qr.ec = (['L', 'M', 'Q', 'H'] as const)[a - 48] ?? 'L';
    else if (fnc === 80) this.qr.data = body.slice(3);
    else if (fnc === 81) {
      if (this.line.length > 0) this.flushLine(false);
      const payload = new TextDecoder().decode(this.qr.data);
      this.blocks.push({ type: 'qr', payload, moduleSize: this.qr.moduleSize, ec: this.qr.ec, align: this.align });
    }
  }

  /** GS ( L / GS 8 L (body from m): fn 112 stores a raster graphic, fn 50 prints it. */
  private graphics(body: Uint8Array): void {
    const fnc = body[1];
    if (fnc === 112 && body.length >= 10) {
      const widthDots = body[6]! + body[7]! * 256;
      const height = body[8]! + body[9]! * 256;
      const widthBytes = Math.ceil(widthDots / 8);
      this.storedGraphic = { widthBytes, height, data: body.slice(10, 10 + widthBytes * height) };
    } else if (fnc === 50 && this.storedGraphic) {
      if (this.line.length > 0) this.flushLine(false);
      this.blocks.push({ type: 'image', ...this.storedGraphic, align: this.align });
    }
  }

  private fs(b: Uint8Array, p: number, at: (i: number) => number): number {
    const fn = String.fromCharCode(at(1));
    switch (fn) {
      case '&':
        this.chinese = true;
        return 2;
      case '.':
        this.chinese = false;
        return 2;
      case '!': case '-': case 'W': case 'C': case 'I':
        at(2);
        return 3;
      case 'S': case 'p':
        at(3);
        return 4;
      case '2':
        at(75);
        return 76; // FS 2 c1 c2 + 72 bytes: user-defined Kanji
      case '(': {
        const len = at(3) + at(4) * 256;
        at(4 + len);
        return 5 + len;
      }
    }
    this.unknown.push(hex(b.subarray(p, p + 2)));
    return 2;
  }
}

function hex(bytes: ArrayLike<number>): string {
  return Array.from(bytes, (x) => x.toString(16).padStart(2, '0')).join(' ');
}
