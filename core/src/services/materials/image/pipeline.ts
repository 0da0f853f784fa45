// The page pipeline: decode → (camera) find the page and rectify it → deskew → auto-level → the
// three renditions we keep: a lossless OCR/PDF master, a compressed upload image and a thumbnail; for a
// colour source also a half-size colour copy with the master's geometry, so the OCR engine can tell a red
// seal from the document's ink (the master is grey).
import sharp from 'sharp';
import { decodeGrey, toSharp, type GreyImage } from './raster';
import { estimateSkew } from './deskew';
import { detectPage, type Quad } from './page-detect';
import { rectifiedSize, warpPerspective, warpPixels } from './perspective';
import { withPngDensity } from './png-density';

export type PageSource = 'camera' | 'scanner' | 'file';

export interface PreparePageOptions {
  source: PageSource;
  /**
   * Look for the page outline and rectify it when the page fills less than 85 % of the frame
   * (a scan is all page, a camera frame shows the base around it). Default true.
   */
  cropPage?: boolean;
  /** Default true. */
  deskew?: boolean;
  /** Width of a rectified camera page (A4 at 300 dpi = 2480); scans keep their size. */
  rectifiedWidth?: number;
  /** Upload rendition: longest side in pixels (A4 at 200 dpi = 2339) and JPEG quality. */
  uploadMaxSide?: number;
  uploadQuality?: number;
  thumbnailWidth?: number;
  /** Make the colour copy when the source has colour. Default true. */
  colourCopy?: boolean;
}

export interface PreparedPage {
  /** Greyscale PNG, levelled, cropped and deskewed: input for OCR and the searchable PDF. */
  master: Uint8Array;
  width: number;
  height: number;
  /** Greyscale JPEG at roughly 200 dpi for upload. */
  upload: Uint8Array;
  /** Small JPEG for the screen. */
  thumbnail: Uint8Array;
  /**
   * The same page in colour at half the master's size (JPEG, chroma kept at full resolution): only for the OCR
   * engine's red-ink judgement (seals), never stored nor sent. Null for a grey source.
   */
  colour: Uint8Array | null;
  /** Page outline found in the source frame (camera), or null. */
  pageQuad: Quad | null;
  /** Resolution of `master` (source metadata, or implied by the rectified A4 width); drives PDF page size. */
  dpi: number;
  /** Skew that was removed, degrees (positive = content was rotated clockwise). */
  skewDeg: number;
}

const bytesOf = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

function quadArea(q: Quad): number {
  let a = 0;
  for (let i = 0; i < 4; i++) {
    const p = q[i]!;
    const n = q[(i + 1) % 4]!;
    a += p.x * n.y - n.x * p.y;
  }
  return Math.abs(a) / 2;
}

function rectify(img: GreyImage, width: number): { img: GreyImage; quad: Quad | null } {
  const quad = detectPage(img);
  if (!quad || quadArea(quad) > 0.85 * img.width * img.height) return { img, quad: null };
  const size = rectifiedSize(quad, width);
  return { img: warpPerspective(img, quad, size.width, size.height), quad };
}

const COLOUR_SCALE = 0.5;

/**
 * The colour copy: the source decoded in colour at half size, then the master's own geometry (the page quad
 * found on the grey frame, scaled; the same deskew rotation and centre cut). Red-ink judgement samples every
 * other pixel of a line's box anyway, so half size loses nothing it uses and costs a quarter of the pixels.
 */
async function colourCopy(bytes: Uint8Array, source: GreyImage, quad: Quad | null, master: { width: number; height: number }, skewDeg: number): Promise<Uint8Array> {
  const sw = Math.max(1, Math.round(source.width * COLOUR_SCALE));
  const sh = Math.max(1, Math.round(source.height * COLOUR_SCALE));
  const decoded = await sharp(bytes).rotate().removeAlpha().toColourspace('srgb').resize(sw, sh, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
  const w = Math.max(1, Math.round(master.width * COLOUR_SCALE));
  const h = Math.max(1, Math.round(master.height * COLOUR_SCALE));
  const rgb = { width: sw, height: sh, data: new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength) };
  const s = sw / source.width;
  const data = quad ? warpPixels(rgb, 3, quad.map((p) => ({ x: p.x * s, y: p.y * s })) as Quad, w, h) : rgb.data;
  let img = sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { raw: { width: quad ? w : sw, height: quad ? h : sh, channels: 3 } });
  if (Math.abs(skewDeg) >= 0.1) {
    const rotated = await img.rotate(-skewDeg, { background: { r: 255, g: 255, b: 255 } }).raw().toBuffer({ resolveWithObject: true });
    const { width: rw, height: rh } = rotated.info;
    const inW = quad ? w : sw;
    const inH = quad ? h : sh;
    img = sharp(rotated.data, { raw: { width: rw, height: rh, channels: 3 } }).extract({ left: Math.floor((rw - inW) / 2), top: Math.floor((rh - inH) / 2), width: inW, height: inH });
  }
  return bytesOf(await img.resize(w, h, { fit: 'fill' }).jpeg({ quality: 85, chromaSubsampling: '4:4:4' }).toBuffer());
}

export async function preparePage(bytes: Uint8Array, options: PreparePageOptions): Promise<PreparedPage> {
  let img = await decodeGrey(bytes);
  const source = img;
  const meta = await sharp(bytes).metadata();
  // Cameras tag 72/96 dpi whatever they see; below 100 the tag says nothing about the paper.
  let dpi = meta.density && meta.density >= 100 ? meta.density : Math.round((img.width / 8.27) * (img.width < img.height ? 1 : 0.707));
  let pageQuad: Quad | null = null;
  if (options.cropPage ?? true) {
    const width = options.rectifiedWidth ?? 2480;
    const r = rectify(img, width);
    img = r.img;
    pageQuad = r.quad;
    if (pageQuad) dpi = Math.round((300 * width) / 2480);
  }
  const skewDeg = options.deskew === false ? 0 : estimateSkew(img);
  let pipeline = toSharp(img);
  if (Math.abs(skewDeg) >= 0.1) {
    // Rotating enlarges the canvas; cut the centre back to the original size (white fills the wedges).
    const rotated = await pipeline
      .rotate(-skewDeg, { background: { r: 255, g: 255, b: 255 } })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const left = Math.floor((rotated.info.width - img.width) / 2);
    const top = Math.floor((rotated.info.height - img.height) / 2);
    pipeline = sharp(rotated.data, { raw: { width: rotated.info.width, height: rotated.info.height, channels: rotated.info.channels } })
      .extract({ left, top, width: img.width, height: img.height })
      .greyscale();
  }
  // One channel: sharp's greyscale() alone keeps three identical ones (png-density.ts says what that cost).
  const levelled = await pipeline.normalise({ lower: 1, upper: 99 }).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: levelled.info.width, height: levelled.info.height, channels: levelled.info.channels } } as const;
  const master = withPngDensity(await sharp(levelled.data, raw).toColourspace('b-w').png({ compressionLevel: 2 }).toBuffer(), dpi);
  const maxSide = options.uploadMaxSide ?? 2339;
  const upload = await sharp(levelled.data, raw)
    .greyscale()
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: options.uploadQuality ?? 72, mozjpeg: true })
    .toBuffer();
  const thumbnail = await sharp(levelled.data, raw)
    .greyscale()
    .resize({ width: options.thumbnailWidth ?? 240 })
    .jpeg({ quality: 70 })
    .toBuffer();
  const inColour = (options.colourCopy ?? true) && (meta.channels ?? 1) >= 3 && meta.space !== 'b-w';
  const colour = inColour ? await colourCopy(bytes, source, pageQuad, levelled.info, skewDeg) : null;
  return {
    master: bytesOf(master),
    width: levelled.info.width,
    height: levelled.info.height,
    upload: bytesOf(upload),
    thumbnail: bytesOf(thumbnail),
    colour,
    pageQuad,
    dpi,
    skewDeg,
  };
}
