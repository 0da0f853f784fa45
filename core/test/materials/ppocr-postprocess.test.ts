// The PP-OCR post-processing pieces on synthetic inputs: CTC greedy decoding of a hand-made softmax matrix,
// DB box extraction from a drawn probability map, unclip and the minimum-area rectangle, the line crop's
// orientation rules and the reading order.
import { describe, expect, it } from 'vitest';
import { ctcGreedyDecode, parseDictionary } from '../../src/services/materials/ppocr/ctc';
import { sampleQuadInto, uprightQuad, rotateQuad180 } from '../../src/services/materials/ppocr/crop';
import { boxesFromProbabilityMap } from '../../src/services/materials/ppocr/db-postprocess';
import { minAreaRect, polygonArea, unclip, type Point, type Quad } from '../../src/services/materials/ppocr/geometry';
import { readingOrder } from '../../src/services/materials/ppocr/reading-order';

const dict = parseDictionary('居\n住\n证\n明\n1\n'); // classes: blank, 居, 住, 证, 明, 1, space

/** A [steps, classes] softmax-like matrix whose argmax per step is `path` (class ids), winning with `p`. */
function logits(path: number[], classes: number, p = 0.9): Float32Array {
  const m = new Float32Array(path.length * classes).fill((1 - p) / (classes - 1));
  path.forEach((c, t) => (m[t * classes + c] = p));
  return m;
}

describe('CTC greedy decoding', () => {
  it('merges repeats, drops blanks, keeps a doubled character separated by a blank', () => {
    const classes = dict.classes.length;
    // 居 居 _ 住 _ 1 1 _ 1 space 明 → "居住11 明"
    const path = [1, 1, 0, 2, 0, 5, 5, 0, 5, 6, 4];
    const line = ctcGreedyDecode(logits(path, classes), path.length, classes, dict);
    expect(line.text).toBe('居住11 明');
    expect(line.confidence).toBeCloseTo(0.9, 5);
  });

  it('reads the right batch item at an offset and gives 0 confidence for an all-blank line', () => {
    const classes = dict.classes.length;
    const a = logits([0, 0, 0], classes);
    const b = logits([3, 0, 4], classes, 0.6);
    const both = new Float32Array([...a, ...b]);
    expect(ctcGreedyDecode(both, 3, classes, dict, 0)).toEqual({ text: '', confidence: 0 });
    const second = ctcGreedyDecode(both, 3, classes, dict, 3 * classes);
    expect(second.text).toBe('证明');
    expect(second.confidence).toBeCloseTo(0.6, 5);
  });

  it('refuses a dictionary that does not match the model', () => {
    expect(() => ctcGreedyDecode(new Float32Array(10), 1, 10, dict)).toThrow(/classes/);
  });
});

describe('geometry', () => {
  it('minAreaRect of a rotated rectangle recovers its sides and orders corners tl, tr, br, bl', () => {
    const a = (10 * Math.PI) / 180;
    const corners = [[0, 0], [100, 0], [100, 20], [0, 20]].map(([x, y]) => ({ x: 50 + x! * Math.cos(a) - y! * Math.sin(a), y: 50 + x! * Math.sin(a) + y! * Math.cos(a) }));
    const inner: Point[] = [...corners, { x: 90, y: 70 }, { x: 60, y: 60 }];
    const r = minAreaRect(inner);
    expect(Math.max(r.width, r.height)).toBeCloseTo(100, 6);
    expect(Math.min(r.width, r.height)).toBeCloseTo(20, 6);
    const [tl, tr, br, bl] = r.quad;
    expect(tl.x).toBeLessThan(tr.x);
    expect(bl.x).toBeLessThan(br.x);
    expect(tl.y).toBeLessThan(bl.y);
  });

  it('unclip grows a rectangle by area·ratio/perimeter on every side', () => {
    const rect: Point[] = [{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 20 }, { x: 0, y: 20 }];
    const d = (100 * 20 * 1.5) / 240; // 12.5
    const grown = unclip(rect, 1.5);
    expect(polygonArea(grown)).toBeCloseTo((100 + 2 * d) * (20 + 2 * d), 6);
    const xs = grown.map((p) => p.x);
    const ys = grown.map((p) => p.y);
    expect(Math.min(...xs)).toBeCloseTo(-d, 6);
    expect(Math.max(...ys)).toBeCloseTo(20 + d, 6);
    // Either winding gives the same outward growth.
    expect(polygonArea(unclip([...rect].reverse(), 1.5))).toBeCloseTo(polygonArea(grown), 6);
  });
});

describe('DB box extraction', () => {
  it('finds each drawn text kernel, unclips it and scales it to the source image', () => {
    const width = 200;
    const height = 100;
    const data = new Float32Array(width * height);
    const fill = (x0: number, y0: number, x1: number, y1: number, p: number): void => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * width + x] = p;
    };
    fill(20, 10, 120, 20, 0.95); // a line kernel 100×10
    fill(30, 60, 90, 70, 0.9); // another 60×10
    fill(150, 60, 152, 62, 0.99); // a speck below minSize
    fill(150, 10, 190, 20, 0.4); // above threshold but its mean is below box_thresh
    const boxes = boxesFromProbabilityMap({ data, width, height }, 2, 2);
    expect(boxes).toHaveLength(2);
    const [a, b] = [...boxes].sort((p, q) => p.quad[0].y - q.quad[0].y);
    // Kernel 100×10 → d = 1000·1.5/220 ≈ 6.8 map px per side, then ×2 to source pixels.
    const d = (100 * 10 * 1.5) / 220;
    expect(a!.quad[0].x).toBeCloseTo((20 - d) * 2, 0);
    expect(a!.quad[2].x).toBeCloseTo((120 + d) * 2, 0);
    expect(a!.quad[0].y).toBeCloseTo((10 - d) * 2, 0);
    expect(a!.quad[2].y).toBeCloseTo((20 + d) * 2, 0);
    expect(a!.score).toBeCloseTo(0.95, 5);
    expect(b!.quad[0].y).toBeGreaterThan(100);
  });
});

describe('line crop', () => {
  it('turns a tall crop upright and flips a 180° one', () => {
    const tall: Quad = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 100 }, { x: 0, y: 100 }];
    expect(uprightQuad(tall)[0]).toEqual({ x: 10, y: 0 });
    const wide: Quad = [{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 10 }, { x: 0, y: 10 }];
    expect(uprightQuad(wide)).toBe(wide);
    expect(rotateQuad180(wide)[0]).toEqual({ x: 100, y: 10 });
  });

  it('samples the quad into a normalised BGR tensor slot and leaves the padding alone', () => {
    // 4×2 RGB image: left half pure red, right half white.
    const data = new Uint8Array(4 * 2 * 3);
    for (let y = 0; y < 2; y++) for (let x = 0; x < 4; x++) data.set(x < 2 ? [255, 0, 0] : [255, 255, 255], (y * 4 + x) * 3);
    const slot = { data: new Float32Array(3 * 2 * 6).fill(7), index: 0, height: 2, stride: 6 };
    const quad: Quad = [{ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 4, y: 2 }, { x: 0, y: 2 }];
    sampleQuadInto({ data, width: 4, height: 2, channels: 3 }, quad, 4, slot);
    const plane = 2 * 6;
    expect(slot.data[0]).toBeCloseTo(-1, 5); // blue of a red pixel
    expect(slot.data[2 * plane]).toBeCloseTo(1, 5); // red of a red pixel
    expect(slot.data[3]).toBeCloseTo(1, 5); // blue of a white pixel
    expect(slot.data[4]).toBe(7); // padding untouched
  });
});

describe('reading order', () => {
  it('groups boxes into printed lines top to bottom and reads each line left to right', () => {
    const box = (text: string, x0: number, y0: number, x1: number, y1: number) => ({ text, bbox: { x0, y0, x1, y1 }, confidence: 90 });
    const order = readingOrder([
      box('联系电话：0755', 600, 205, 900, 245),
      box('注：', 50, 400, 120, 440),
      box('经办人：钟晓敏', 50, 200, 300, 240),
      box('居住证明', 300, 50, 500, 110),
    ]);
    expect(order.text).toBe('居住证明\n经办人：钟晓敏 联系电话：0755\n注：');
    expect(order.lines.map((l) => l.text)).toEqual(['居住证明', '经办人：钟晓敏', '联系电话：0755', '注：']);
  });
});
