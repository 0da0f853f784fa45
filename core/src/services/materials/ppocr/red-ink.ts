// Seals and stamps are printed in red: a line whose ink is mostly red is a seal's text (or its star), not the
// document's. Only colour can show it: a colour page fed as is, or the colour copy the image pipeline makes
// beside its grey master (image/pipeline.ts, handed to the engine with the master). A grey source has no
// colour copy, and there a seal's text is read like any other ink.
import type { OcrBox } from '../ocr-pool';
import type { RawImage } from './crop';

/** Share of the box's ink pixels (darker than the paper) that are red; 0 for grey images. */
export function redInkShare(image: RawImage, box: OcrBox): number {
  if (image.channels < 3) return 0;
  const x0 = Math.max(0, Math.floor(box.x0));
  const y0 = Math.max(0, Math.floor(box.y0));
  const x1 = Math.min(image.width, Math.ceil(box.x1));
  const y1 = Math.min(image.height, Math.ceil(box.y1));
  // Ink is judged against this box's own paper (its bright end): a dim camera frame's paper is grey.
  const samples: { luma: number; red: boolean }[] = [];
  for (let y = y0; y < y1; y += 2) {
    for (let x = x0; x < x1; x += 2) {
      const i = (y * image.width + x) * image.channels;
      const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
      samples.push({ luma: 0.299 * r + 0.587 * g + 0.114 * b, red: r > 80 && r - Math.max(g, b) > 30 });
    }
  }
  if (samples.length === 0) return 0;
  const paper = samples.map((s) => s.luma).sort((a, b) => a - b)[Math.floor(samples.length * 0.9)]!;
  let ink = 0;
  let red = 0;
  // Red ink is often lighter than black ink (a pale seal): count it whatever its darkness.
  for (const s of samples) {
    if (s.red) red++;
    else if (s.luma > 0.8 * paper) continue;
    ink++;
  }
  // A few reddish noise pixels on paper are not a seal.
  if (red < 0.03 * samples.length) return 0;
  return ink ? red / ink : 0;
}

/** A line is a seal's when most of its ink is red. */
export const isRedInk = (image: RawImage, box: OcrBox): boolean => redInkShare(image, box) > 0.5;
