// PP-OCR page recognition: DB detection → (optional) direction classification → CRNN/SVTR recognition
// with CTC greedy decoding, on onnxruntime-node. Runs in whatever thread creates it; the OCR pool runs it
// on a worker thread (ppocr/worker.ts), one engine per worker, models loaded once.
import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import type { OcrLine, OcrPageResult } from '../ocr-pool';
import { ctcGreedyDecode, loadDictionary, type Dictionary } from './ctc';
import { quadSize, rotateQuad180, sampleQuadInto, uprightQuad, type RawImage } from './crop';
import { boxesFromProbabilityMap, type DbOptions } from './db-postprocess';
import type { Quad } from './geometry';
import { defaultModelPaths, type PpOcrModelPaths } from './models';
import { readingOrder, type LayoutItem } from './reading-order';
import { deskewedBoxes } from './skew';
import { isRedInk } from './red-ink';

export interface PpOcrOptions {
  models?: PpOcrModelPaths;
  /** Longer side of the detector's input, in pixels (a multiple of 32 is used). Speed/memory lever. */
  detMaxSide?: number;
  /** Lines recognised per inference call. */
  recBatch?: number;
  /** Run the 0°/180° line classifier (upside-down lines). */
  useAngleClassifier?: boolean;
  /**
   * Lines the classifier looks at (the widest ones); the page turns by their majority. 0 = every line on its
   * own, as PaddleOCR does. Default 6: a page is upside down as a whole far more often than one line of it.
   */
  clsVoteLines?: number;
  /** Horizontal squeeze of each line before recognition (1 = aspect kept, the default); recogniser cost is linear in width. */
  recWidthScale?: number;
  /**
   * Narrowest recogniser input (px at height 48); shorter lines are padded to it. PaddleOCR pads to 320; 160
   * (default, from the bench: 16 pages, same run) cut our cpu time from 0.96x to 0.83x native tesseract's, held-out
   * scan CER 0.18x -> 0.15x native's (less padding to read as text); 96 was no faster and read a little worse.
   */
  recMinWidth?: number;
  /** onnxruntime intra-op threads per session; 1 = one core per worker. */
  threads?: number;
  graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'all';
  /** onnxruntime's CPU arena keeps peak allocations for reuse; off (default) saved ~65 MB at the same cpu time. */
  memoryArena?: boolean;
  /** Lines whose mean character probability is below this are dropped (PaddleOCR's drop_score). */
  dropScore?: number;
  db?: DbOptions;
}

const REC_HEIGHT = 48;
const REC_MIN_WIDTH = 160;
const REC_MAX_WIDTH = 48 * 60;
const CLS_WIDTH = 192;
const DET_MEAN = [0.485, 0.456, 0.406];
const DET_STD = [0.229, 0.224, 0.225];

export class PpOcrEngine {
  private constructor(
    private readonly det: ort.InferenceSession,
    private readonly rec: ort.InferenceSession,
    private readonly cls: ort.InferenceSession | null,
    private readonly dict: Dictionary,
    private readonly options: Required<Omit<PpOcrOptions, 'models' | 'db' | 'graphOptimizationLevel' | 'threads' | 'memoryArena'>> & { db: DbOptions },
  ) {}

  static async load(options: PpOcrOptions = {}): Promise<PpOcrEngine> {
    const models = options.models ?? defaultModelPaths();
    const session: ort.InferenceSession.SessionOptions = {
      executionProviders: ['cpu'],
      intraOpNumThreads: options.threads ?? 1,
      interOpNumThreads: 1,
      graphOptimizationLevel: options.graphOptimizationLevel ?? 'all',
      enableCpuMemArena: options.memoryArena ?? false,
    };
    const useCls = options.useAngleClassifier ?? true;
    // The model bytes are read here and handed over, not their paths: onnxruntime opens a path in native code,
    // which cannot read inside the packaged app's asar archive, where Node's (Electron's) fs can.
    const create = async (file: string): Promise<ort.InferenceSession> => ort.InferenceSession.create(new Uint8Array(await readFile(file)), session);
    const [det, rec, cls, dict] = await Promise.all([
      create(models.detection),
      create(models.recognition),
      useCls ? create(models.classifier) : Promise.resolve(null),
      loadDictionary(models.dictionary),
    ]);
    return new PpOcrEngine(det, rec, cls, dict, {
      // Measured (core/bench/ocr-engines.bench.ts, 9 fixture pages): 960 read as well as 1600 (CER 0.8 % vs 1.3 %)
      // at 965 MB instead of 1,304 MB peak; batch 1 was faster than 8 (7.8 s vs 11.7 s a page), padding to the
      // widest line of a batch costs more than the per-call overhead saves on one CPU thread. Later, on the 4
      // tuned scans, in-process: 800 instead of 960 gave 436 MB peak instead of 526 MB at CER 0.27 % vs 0.20 %,
      // and a 6-line orientation vote read the same as classifying every line at a fraction of the classifier's
      // time. Bench of 16 pages (9 tuned, 7 held-out), cpu time and peak RSS of one worker process vs native
      // tesseract in the same run: detector 800 1.14x cpu, 597 MB (960: 1.23x, 631 MB); arena off 531 MB at the
      // same cpu; lines squeezed to 0.75 of their width 0.99x cpu, 548 MB, held-out scan CER 0.18x native's
      // instead of 0.09x. Then recogniser inputs padded to 160 px instead of 320 and a one-channel master (the
      // pipeline's had three): squeeze 1 (no squeeze) back at 0.83x cpu, 545 MB, held-out scan CER 0.10x native's
      // (squeeze 0.75: 0.75x, 560 MB, 0.15x). Defaults below: 800, arena off, no squeeze, lines padded to 160.
      detMaxSide: options.detMaxSide ?? 800,
      recBatch: Math.max(1, options.recBatch ?? 1),
      useAngleClassifier: useCls,
      clsVoteLines: Math.max(0, options.clsVoteLines ?? 6),
      recWidthScale: Math.min(1, Math.max(0.3, options.recWidthScale ?? 1)),
      recMinWidth: Math.min(REC_MAX_WIDTH, Math.max(48, options.recMinWidth ?? REC_MIN_WIDTH)),
      dropScore: options.dropScore ?? 0.5,
      db: options.db ?? {},
    });
  }

  async release(): Promise<void> {
    await Promise.all([this.det.release(), this.rec.release(), this.cls?.release()]);
  }

  /**
   * Recognises one page image (PNG/JPEG/… bytes). Red ink is judged on `image` itself, or on `colour` when given:
   * the same page in colour at any scale (the pipeline's colour copy of its grey master).
   */
  async recognize(image: Uint8Array, onProgress?: (p: number) => void, colour: Uint8Array | null = null): Promise<OcrPageResult> {
    const t0 = performance.now();
    const { data, info } = await sharp(image).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const page: RawImage = { data, width: info.width, height: info.height, channels: info.channels };
    const quads = await this.detect(page);
    onProgress?.(0.3);
    const upright = quads.map(uprightQuad);
    const oriented = this.cls ? await this.classify(page, upright) : upright;
    const found: OcrLine[] = [];
    const foundQuads: Quad[] = [];
    const order = oriented.map((q, i) => ({ i, ratio: ratioOf(q) })).sort((a, b) => a.ratio - b.ratio);
    for (let start = 0; start < order.length; start += this.options.recBatch) {
      const batch = order.slice(start, start + this.options.recBatch);
      const decoded = await this.recogniseBatch(page, batch.map((b) => oriented[b.i]!));
      batch.forEach((b, k) => {
        const line = decoded[k]!;
        const text = line.text.trim();
        if (!text || line.confidence < this.options.dropScore) return;
        const q = quads[b.i]!;
        const xs = q.map((p) => p.x);
        const ys = q.map((p) => p.y);
        found.push({
          text,
          bbox: { x0: Math.round(Math.min(...xs)), y0: Math.round(Math.min(...ys)), x1: Math.round(Math.max(...xs)), y1: Math.round(Math.max(...ys)) },
          confidence: Math.round(line.confidence * 1000) / 10,
        });
        foundQuads.push(q);
      });
      onProgress?.(0.3 + (0.7 * Math.min(order.length, start + batch.length)) / Math.max(1, order.length));
    }
    // Layout on boxes with the page's skew taken out, so lines of a slightly rotated scan do not overlap.
    const boxes = deskewedBoxes(foundQuads);
    const stamp = await this.redInk(page, colour, found);
    const ordered = readingOrder(found.flatMap((line, i): LayoutItem[] => (stamp[i] ? [] : [{ line, box: boxes[i]! }])));
    ordered.lines.push(...found.filter((_, i) => stamp[i]).map((l) => ({ ...l, stamp: true })));
    const confidence = found.length ? found.reduce((s, l) => s + l.confidence, 0) / found.length : 0;
    return { text: ordered.text, lines: ordered.lines, confidence: Math.round(confidence * 10) / 10, ms: Math.round(performance.now() - t0) };
  }

  /** Which lines are of red ink, judged on the colour copy (boxes scaled to it) or on the page itself. */
  private async redInk(page: RawImage, colour: Uint8Array | null, lines: readonly OcrLine[]): Promise<boolean[]> {
    if (!colour) return lines.map((l) => isRedInk(page, l.bbox));
    const { data, info } = await sharp(colour).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const copy: RawImage = { data, width: info.width, height: info.height, channels: info.channels };
    const sx = copy.width / page.width;
    const sy = copy.height / page.height;
    return lines.map(({ bbox: b }) => isRedInk(copy, { x0: b.x0 * sx, y0: b.y0 * sy, x1: b.x1 * sx, y1: b.y1 * sy }));
  }

  private async detect(page: RawImage): Promise<Quad[]> {
    const ratio = Math.min(1, this.options.detMaxSide / Math.max(page.width, page.height));
    const dw = Math.max(32, Math.round((page.width * ratio) / 32) * 32);
    const dh = Math.max(32, Math.round((page.height * ratio) / 32) * 32);
    const small = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: page.channels as 1 | 3 } })
      .resize(dw, dh, { fit: 'fill' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const plane = dw * dh;
    const input = new Float32Array(3 * plane);
    const ch = small.info.channels;
    for (let i = 0; i < plane; i++) {
      for (let c = 0; c < 3; c++) {
        // BGR order as PaddleOCR feeds OpenCV images; the ImageNet mean/std are applied in that order.
        const v = small.data[i * ch + (ch === 1 ? 0 : 2 - c)]! / 255;
        input[c * plane + i] = (v - DET_MEAN[c]!) / DET_STD[c]!;
      }
    }
    const out = await this.det.run({ [this.det.inputNames[0]!]: new ort.Tensor('float32', input, [1, 3, dh, dw]) });
    const prob = out[this.det.outputNames[0]!]!;
    const map = { data: prob.data as Float32Array, width: dw, height: dh };
    const boxes = boxesFromProbabilityMap(map, page.width / dw, page.height / dh, this.options.db);
    prob.dispose();
    return boxes.map((b) => b.quad);
  }

  private async classify(page: RawImage, quads: Quad[]): Promise<Quad[]> {
    const vote = this.options.clsVoteLines;
    if (vote > 0 && quads.length > vote) {
      const widest = [...quads].sort((a, b) => quadSize(b).width - quadSize(a).width).slice(0, vote);
      const turned = (await this.classify(page, widest)).filter((q, i) => q !== widest[i]).length;
      return turned * 2 > widest.length ? quads.map(rotateQuad180) : quads;
    }
    const out = [...quads];
    const n = this.options.recBatch;
    for (let start = 0; start < quads.length; start += n) {
      const batch = quads.slice(start, start + n);
      const data = new Float32Array(batch.length * 3 * REC_HEIGHT * CLS_WIDTH);
      batch.forEach((q, index) => {
        const w = Math.min(CLS_WIDTH, Math.max(1, Math.ceil(REC_HEIGHT * ratioOf(q))));
        sampleQuadInto(page, q, w, { data, index, height: REC_HEIGHT, stride: CLS_WIDTH });
      });
      const res = await this.cls!.run({ [this.cls!.inputNames[0]!]: new ort.Tensor('float32', data, [batch.length, 3, REC_HEIGHT, CLS_WIDTH]) });
      const probs = res[this.cls!.outputNames[0]!]!.data as Float32Array;
      batch.forEach((q, k) => {
        // Classes: 0 = upright, 1 = 180°; turn only when the classifier is sure (PaddleOCR's cls_thresh 0.9).
        if (probs[k * 2 + 1]! > probs[k * 2]! && probs[k * 2 + 1]! > 0.9) out[start + k] = rotateQuad180(q);
      });
    }
    return out;
  }

  private async recogniseBatch(page: RawImage, quads: Quad[]): Promise<{ text: string; confidence: number }[]> {
    const squeeze = this.options.recWidthScale;
    const maxRatio = Math.max(...quads.map(ratioOf)) * squeeze;
    const stride = Math.min(REC_MAX_WIDTH, Math.max(this.options.recMinWidth, Math.ceil((REC_HEIGHT * maxRatio) / 8) * 8));
    const data = new Float32Array(quads.length * 3 * REC_HEIGHT * stride);
    quads.forEach((q, index) => {
      const w = Math.min(stride, Math.max(1, Math.ceil(REC_HEIGHT * ratioOf(q) * squeeze)));
      sampleQuadInto(page, q, w, { data, index, height: REC_HEIGHT, stride });
    });
    const res = await this.rec.run({ [this.rec.inputNames[0]!]: new ort.Tensor('float32', data, [quads.length, 3, REC_HEIGHT, stride]) });
    const out = res[this.rec.outputNames[0]!]!;
    const [, steps, classes] = out.dims as [number, number, number];
    const probs = out.data as Float32Array;
    const lines = quads.map((_, k) => ctcGreedyDecode(probs, steps, classes, this.dict, k * steps * classes));
    out.dispose();
    return lines;
  }
}

function ratioOf(q: Quad): number {
  const { width, height } = quadSize(q);
  return width / Math.max(1, height);
}
