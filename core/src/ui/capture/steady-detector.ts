// Auto-capture decides "the page has been laid down and the hand is gone" from tiny greyscale
// frames: consecutive frames differ by less than `maxMeanDiff` for `steadyMs`, and the frame is not
// blank (an empty platen is steady too, and must not be captured).

export interface SteadyOptions {
  /** Mean absolute grey difference (0–255) between consecutive frames still counted as "still". */
  maxMeanDiff?: number;
  /** How long the picture must stay still. */
  steadyMs?: number;
  /** Minimum grey standard deviation of a frame that holds a page with text. */
  minContrast?: number;
}

export class SteadyDetector {
  private prev: Uint8Array | null = null;
  private steadySince: number | null = null;
  private fired = false;
  private readonly maxMeanDiff: number;
  private readonly steadyMs: number;
  private readonly minContrast: number;

  constructor(options: SteadyOptions = {}) {
    this.maxMeanDiff = options.maxMeanDiff ?? 4;
    this.steadyMs = options.steadyMs ?? 1200;
    this.minContrast = options.minContrast ?? 12;
  }

  /**
   * Feed one downscaled greyscale frame; returns true exactly once per steady period (re-arms after
   * the picture moves again, e.g. the next page is laid down).
   */
  push(grey: Uint8Array, now: number): boolean {
    const prev = this.prev;
    this.prev = grey;
    if (!prev || prev.length !== grey.length) return false;
    let diff = 0;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < grey.length; i++) {
      const v = grey[i]!;
      diff += Math.abs(v - prev[i]!);
      sum += v;
      sumSq += v * v;
    }
    const n = grey.length;
    const std = Math.sqrt(Math.max(0, sumSq / n - (sum / n) ** 2));
    if (diff / n > this.maxMeanDiff || std < this.minContrast) {
      this.steadySince = null;
      this.fired = false;
      return false;
    }
    this.steadySince ??= now;
    if (!this.fired && now - this.steadySince >= this.steadyMs) {
      this.fired = true;
      return true;
    }
    return false;
  }

  reset(): void {
    this.prev = null;
    this.steadySince = null;
    this.fired = false;
  }
}

/** RGBA (canvas ImageData) → greyscale bytes. */
export function rgbaToGrey(rgba: Uint8ClampedArray): Uint8Array {
  const out = new Uint8Array(rgba.length / 4);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) out[i] = (rgba[p]! * 77 + rgba[p + 1]! * 150 + rgba[p + 2]! * 29) >> 8;
  return out;
}
