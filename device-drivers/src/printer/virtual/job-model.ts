// What the virtual printer makes of a byte stream: printed blocks in order, plus diagnostics.

export interface PrintedLine {
  type: 'line';
  /** Decoded characters as printed on this line (no alignment padding). */
  text: string;
  align: 'left' | 'center' | 'right';
  bold: boolean;
  widthMul: number;
  heightMul: number;
  /** Dots this line takes (12 per ASCII cell, 24 per double-byte character, times widthMul). */
  dots: number;
  /** True when the printer had to wrap because the text was wider than the paper. */
  overflow: boolean;
}

export type PrintBlock =
  | PrintedLine
  | { type: 'feed'; lines: number }
  | { type: 'image'; widthBytes: number; height: number; data: Uint8Array; align: 'left' | 'center' | 'right' }
  | { type: 'qr'; payload: string; moduleSize: number; ec: 'L' | 'M' | 'Q' | 'H'; align: 'left' | 'center' | 'right' }
  | { type: 'cut' };

export type StatusRequest = { kind: 'dle-eot'; n: number } | { kind: 'gs-r'; n: number } | { kind: 'gs-i'; n: number };

export interface ParsedJob {
  blocks: PrintBlock[];
  /** Commands we do not know, as hex of their first bytes; their parameters were skipped where known. */
  unknown: string[];
  /** Characters the printer could not print (e.g. a GB18030 4-byte sequence on a GBK-only printer). */
  misprints: number;
  /** How many status requests were in the stream. */
  statusRequests: number;
}

/** Text lines as a person would read them off the paper: alignment applied, QR payloads as [QR:…]. */
export function jobToText(job: Pick<ParsedJob, 'blocks'>, columns: number, decodeImage?: (b: Extract<PrintBlock, { type: 'image' }>) => string | null): string[] {
  const out: string[] = [];
  for (const b of job.blocks) {
    switch (b.type) {
      case 'line': {
        const used = Math.ceil(b.dots / 12);
        const gap = Math.max(0, columns - used);
        const pad = b.align === 'center' ? Math.floor(gap / 2) : b.align === 'right' ? gap : 0;
        out.push(b.text === '' ? '' : ' '.repeat(pad) + b.text);
        break;
      }
      case 'feed':
        for (let i = 0; i < b.lines; i++) out.push('');
        break;
      case 'qr':
        out.push(`[QR:${b.payload}]`);
        break;
      case 'image': {
        const payload = decodeImage?.(b) ?? null;
        out.push(payload === null ? `[IMAGE ${b.widthBytes * 8}x${b.height}]` : `[QR:${payload}]`);
        break;
      }
      case 'cut':
        out.push('[CUT]');
        break;
    }
  }
  return out;
}
