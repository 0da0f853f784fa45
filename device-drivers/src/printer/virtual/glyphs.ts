// Draws characters for the receipt preview from a real font (OTF/TTF/TTC via fontkit), so the PNG of a
// Chinese receipt is readable. fontkit gives outlines; we fill them ourselves (nonzero winding, 4x4
// supersampling) to keep the simulator free of native canvas/SVG dependencies.
import { existsSync } from 'node:fs';
import * as fontkit from 'fontkit';

export interface GlyphBitmap {
  width: number;
  height: number;
  /** Coverage 0–255 per pixel, row-major. */
  alpha: Uint8Array;
}

export interface FontSource {
  path: string;
  /** PostScript name when `path` is a collection (.ttc). */
  postscriptName?: string;
}

/** Fonts tried in order when none is given: Debian fonts-noto-cjk, then WenQuanYi. */
export const SYSTEM_CJK_FONTS: FontSource[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', postscriptName: 'WenQuanYiMicroHei' },
];

export class GlyphRasterizer {
  private readonly fonts: fontkit.Font[];
  private readonly cache = new Map<string, GlyphBitmap>();

  constructor(sources: FontSource[]) {
    this.fonts = [];
    for (const s of sources) {
      if (!existsSync(s.path)) continue;
      try {
        this.fonts.push(fontkit.openSync(s.path, s.postscriptName));
      } catch {
        // A broken or unexpected font file only costs us that font; the next one is tried.
      }
    }
  }

  get hasFont(): boolean {
    return this.fonts.length > 0;
  }

  /** Bitmap of `ch` in a cell of `width`×`height` pixels (12×24 ASCII, 24×24 CJK, times magnification). */
  glyph(ch: string, width: number, height: number, bold: boolean): GlyphBitmap {
    const key = `${ch}|${width}|${height}|${bold ? 1 : 0}`;
    let bmp = this.cache.get(key);
    if (!bmp) {
      bmp = this.draw(ch, width, height, bold);
      this.cache.set(key, bmp);
    }
    return bmp;
  }

  private draw(ch: string, width: number, height: number, bold: boolean): GlyphBitmap {
    const alpha = new Uint8Array(width * height);
    const cp = ch.codePointAt(0) ?? 0x3f;
    if (ch === ' ') return { width, height, alpha };
    const font = this.fonts.find((f) => f.hasGlyphForCodePoint(cp));
    if (!font) return box(width, height);
    const g = font.glyphForCodePoint(cp);
    // An ideograph's em box sits roughly from -0.12 em to 0.88 em; fit that box into the cell height.
    const scale = (height / font.unitsPerEm) * 0.95;
    const advance = g.advanceWidth * scale;
    const sx = advance > width ? width / advance : 1;
    const dx = (width - Math.min(advance, width)) / 2;
    const baseline = height * 0.86;
    const polys = flatten(g.path.commands).map((poly) => poly.map(([x, y]) => [dx + x * scale * sx, baseline - y * scale] as const));
    fill(polys, width, height, alpha);
    if (bold) for (let y = 0; y < height; y++) for (let x = width - 1; x > 0; x--) alpha[y * width + x] = Math.max(alpha[y * width + x]!, alpha[y * width + x - 1]!);
    return { width, height, alpha };
  }
}

/** A hollow box, as printers show a character they have no glyph for. */
function box(width: number, height: number): GlyphBitmap {
  const alpha = new Uint8Array(width * height);
  for (let y = 3; y < height - 3; y++) {
    for (let x = 2; x < width - 2; x++) {
      if (y === 3 || y === height - 4 || x === 2 || x === width - 3) alpha[y * width + x] = 255;
    }
  }
  return { width, height, alpha };
}

type Pt = readonly [number, number];

function flatten(commands: fontkit.PathCommand[]): Pt[][] {
  const polys: Pt[][] = [];
  let cur: Pt[] = [];
  let last: Pt = [0, 0];
  const steps = 8;
  for (const { command, args: a } of commands) {
    if (command === 'moveTo') {
      if (cur.length > 1) polys.push(cur);
      cur = [(last = [a[0]!, a[1]!])];
    } else if (command === 'lineTo') {
      cur.push((last = [a[0]!, a[1]!]));
    } else if (command === 'quadraticCurveTo') {
      const [x0, y0] = last;
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        const u = 1 - t;
        cur.push([u * u * x0 + 2 * u * t * a[0]! + t * t * a[2]!, u * u * y0 + 2 * u * t * a[1]! + t * t * a[3]!]);
      }
      last = [a[2]!, a[3]!];
    } else if (command === 'bezierCurveTo') {
      const [x0, y0] = last;
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        const u = 1 - t;
        cur.push([
          u * u * u * x0 + 3 * u * u * t * a[0]! + 3 * u * t * t * a[2]! + t * t * t * a[4]!,
          u * u * u * y0 + 3 * u * u * t * a[1]! + 3 * u * t * t * a[3]! + t * t * t * a[5]!,
        ]);
      }
      last = [a[4]!, a[5]!];
    } else if (command === 'closePath') {
      if (cur.length > 1) polys.push(cur);
      cur = [];
    }
  }
  if (cur.length > 1) polys.push(cur);
  return polys;
}

/** Nonzero-winding scanline fill with 4×4 samples per pixel. */
function fill(polys: Pt[][], width: number, height: number, alpha: Uint8Array): void {
  const edges: { x0: number; y0: number; x1: number; y1: number; dir: number }[] = [];
  for (const poly of polys) {
    for (let i = 0; i < poly.length; i++) {
      const a = poly[i]!;
      const b = poly[(i + 1) % poly.length]!;
      if (a[1] === b[1]) continue;
      edges.push(a[1] < b[1] ? { x0: a[0], y0: a[1], x1: b[0], y1: b[1], dir: 1 } : { x0: b[0], y0: b[1], x1: a[0], y1: a[1], dir: -1 });
    }
  }
  const S = 4;
  const acc = new Uint16Array(width * height);
  for (let sy = 0; sy < height * S; sy++) {
    const y = (sy + 0.5) / S;
    const xs: { x: number; dir: number }[] = [];
    for (const e of edges) {
      if (y >= e.y0 && y < e.y1) xs.push({ x: e.x0 + ((y - e.y0) / (e.y1 - e.y0)) * (e.x1 - e.x0), dir: e.dir });
    }
    if (xs.length < 2) continue;
    xs.sort((p, q) => p.x - q.x);
    let winding = 0;
    const row = Math.floor(y) * width;
    for (let i = 0; i < xs.length - 1; i++) {
      winding += xs[i]!.dir;
      if (winding === 0) continue;
      const from = Math.max(0, Math.ceil(xs[i]!.x * S - 0.5));
      const to = Math.min(width * S - 1, Math.floor(xs[i + 1]!.x * S - 0.5));
      for (let sx = from; sx <= to; sx++) acc[row + Math.floor(sx / S)]! += 1;
    }
  }
  for (let i = 0; i < acc.length; i++) alpha[i] = Math.min(255, Math.round((acc[i]! * 255) / (S * S)));
}
