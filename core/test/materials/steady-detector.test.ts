import { describe, expect, it } from 'vitest';
import { SteadyDetector } from '../../src/ui/capture/steady-detector';

const page = (shift = 0): Uint8Array => Uint8Array.from({ length: 96 * 64 }, (_, i) => (((i + shift) % 7 === 0 ? 30 : 220)));

describe('SteadyDetector', () => {
  it('fires once after the page has been still for steadyMs, re-arms after movement', () => {
    const d = new SteadyDetector({ steadyMs: 1000 });
    const fired: number[] = [];
    let t = 0;
    const feed = (frame: Uint8Array): void => {
      if (d.push(frame, t)) fired.push(t);
      t += 200;
    };
    for (let i = 0; i < 4; i++) feed(page(i)); // hand moving the page
    for (let i = 0; i < 10; i++) feed(page(3)); // still
    expect(fired).toEqual([1800]); // still from t=800 (first repeat of frame 3) + 1000 ms
    feed(page(5)); // next page
    for (let i = 0; i < 8; i++) feed(page(5));
    expect(fired).toHaveLength(2);
  });

  it('never fires on an empty platen', () => {
    const d = new SteadyDetector({ steadyMs: 100 });
    const blank = new Uint8Array(96 * 64).fill(40);
    expect(Array.from({ length: 20 }, (_, i) => d.push(blank, i * 200)).some(Boolean)).toBe(false);
  });
});
