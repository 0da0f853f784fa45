// Page preparation on the worker thread: same pages as in-thread, the main loop keeps running while a
// page is prepared, typed errors survive the thread boundary, crashes restart the worker, close() ends it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { preparePage } from '../../src/services/materials/image/pipeline';
import { ImageDecodeError } from '../../src/services/materials/image/raster';
import {
  OffThreadPreparer,
  PrepareWorkerCrashedError,
  PreparerClosedError,
  type PreparerEvent,
} from '../../src/services/materials/image/prepare-off-thread';
import type * as Deskew from '../../src/services/materials/image/deskew';
import type * as PageDetect from '../../src/services/materials/image/page-detect';
import { FIXTURES } from './fixtures';

// Spies on this thread's copies of the pure-JS geometry: the worker loads its own, unspied modules, so
// these count only work done on the main thread.
const mainThread = vi.hoisted(() => ({ detectPage: 0, estimateSkew: 0 }));
vi.mock('../../src/services/materials/image/page-detect', async (importOriginal) => {
  const real = await importOriginal<typeof PageDetect>();
  return { ...real, detectPage: (...args: Parameters<typeof real.detectPage>) => (mainThread.detectPage++, real.detectPage(...args)) };
});
vi.mock('../../src/services/materials/image/deskew', async (importOriginal) => {
  const real = await importOriginal<typeof Deskew>();
  return { ...real, estimateSkew: (...args: Parameters<typeof real.estimateSkew>) => (mainThread.estimateSkew++, real.estimateSkew(...args)) };
});

const CRASHING_WORKER = new URL('./crashing-prepare-worker.ts', import.meta.url);

let camera: Uint8Array;
let scan: Uint8Array;
let preparer: OffThreadPreparer;
const events: PreparerEvent[] = [];

beforeAll(async () => {
  camera = new Uint8Array(await readFile(path.join(FIXTURES, 'residence-certificate.camera.jpg')));
  scan = new Uint8Array(await readFile(path.join(FIXTURES, 'lease-contract.scan.jpg')));
  preparer = new OffThreadPreparer();
  preparer.onEvent((e) => events.push(e));
});
afterAll(() => preparer.close());

/** Counts main-loop turns (setImmediate) while `work` is pending. */
async function ticksDuring<T>(work: () => Promise<T>): Promise<{ result: T; ticks: number }> {
  let ticks = 0;
  let running = true;
  const tick = (): void => {
    ticks++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    return { result: await work(), ticks };
  } finally {
    running = false;
  }
}

describe('OffThreadPreparer', () => {
  it('prepares a camera page and a skewed scan exactly as preparePage does in-thread', async () => {
    const pages = [];
    for (const [bytes, source] of [
      [camera, 'camera'],
      [scan, 'scanner'],
    ] as const) {
      const off = await preparer.prepare(bytes, { source });
      const inThread = await preparePage(bytes, { source });
      expect({ ...off, master: null, upload: null, thumbnail: null, colour: null }).toEqual({ ...inThread, master: null, upload: null, thumbnail: null, colour: null });
      expect(Buffer.isBuffer(off.master) && Buffer.isBuffer(off.upload) && Buffer.isBuffer(off.thumbnail)).toBe(true);
      expect(Buffer.compare(off.master, inThread.master)).toBe(0);
      expect(Buffer.compare(Buffer.from(off.thumbnail), Buffer.from(inThread.thumbnail))).toBe(0);
      // The colour copy (for red seals) crosses too: the camera frame is in colour, the scan is grey.
      expect(off.colour === null ? null : Buffer.compare(Buffer.from(off.colour), Buffer.from(inThread.colour!))).toBe(source === 'camera' ? 0 : null);
      pages.push(off);
    }
    // The fixtures exercise both geometry paths: a page outline found and warped, and a real skew removed.
    expect(pages[0]!.pageQuad).toHaveLength(4);
    expect(Math.abs(pages[1]!.skewDeg)).toBeGreaterThan(0.5);
    expect(events.filter((e) => e.type === 'workerStarted')).toHaveLength(1); // one worker served every job
  });

  it('runs the page geometry off the main thread while the main loop keeps turning', async () => {
    mainThread.detectPage = 0;
    mainThread.estimateSkew = 0;
    const { result, ticks } = await ticksDuring(() => preparer.prepare(camera, { source: 'camera' }));
    expect(result.pageQuad).not.toBeNull();
    expect(ticks).toBeGreaterThan(0);
    expect(mainThread).toEqual({ detectPage: 0, estimateSkew: 0 });
    // The spies do see in-thread work, so the zero above is not a blind spot.
    await preparePage(camera, { source: 'camera' });
    expect(mainThread.detectPage).toBeGreaterThan(0);
    expect(mainThread.estimateSkew).toBeGreaterThan(0);
  });

  it('passes a corrupt file back as ImageDecodeError with its code, and the worker carries on', async () => {
    const truncated = scan.subarray(0, 4096);
    const err: unknown = await preparer.prepare(truncated, { source: 'file' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageDecodeError);
    expect(err).toMatchObject({ code: 'imageDecode', name: 'ImageDecodeError' });
    expect(scan.byteLength).toBeGreaterThan(4096); // the caller's bytes were copied, not detached
    const page = await preparer.prepare(scan, { source: 'scanner' });
    expect(page.width).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === 'workerExited')).toEqual([]);
  });

  it('fails only the running job when the worker crashes and starts a new one for the queue', async () => {
    const crashy = new OffThreadPreparer({ entry: CRASHING_WORKER });
    const seen: PreparerEvent[] = [];
    crashy.onEvent((e) => seen.push(e));
    try {
      const crashing = crashy.prepare(new Uint8Array([0, 1]), { source: 'file' });
      const queued = crashy.prepare(new Uint8Array([5, 5, 5, 5, 5]), { source: 'file' });
      const err: unknown = await crashing.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PrepareWorkerCrashedError);
      expect(err).toMatchObject({ code: 'prepareWorkerCrashed' });
      expect((await queued).width).toBe(5);
      expect(seen.map((e) => e.type)).toEqual(['workerStarted', 'workerExited', 'workerStarted']);
      expect(seen[1]).toMatchObject({ reason: 'crash', exitCode: 7 });
      expect(seen[0]).not.toEqual(seen[2]); // a different thread
    } finally {
      await crashy.close();
    }
    expect(seen.at(-1)).toMatchObject({ type: 'workerExited', reason: 'shutdown' });
  });

  it('close() rejects pending jobs, ends the worker thread and refuses new work', async () => {
    const p = new OffThreadPreparer();
    const seen: PreparerEvent[] = [];
    p.onEvent((e) => seen.push(e));
    expect((await p.prepare(scan, { source: 'scanner' })).width).toBeGreaterThan(0); // the worker is up and has worked
    const pending = p.prepare(camera, { source: 'camera' }).catch((e: unknown) => e);
    const queued = p.prepare(scan, { source: 'scanner' }).catch((e: unknown) => e);
    await p.close();
    expect(await pending).toBeInstanceOf(PreparerClosedError);
    expect(await queued).toMatchObject({ code: 'preparerClosed' });
    const started = seen.find((e) => e.type === 'workerStarted');
    expect(seen.at(-1)).toEqual({ type: 'workerExited', threadId: started?.threadId, reason: 'shutdown', exitCode: expect.any(Number) });
    await expect(p.prepare(scan, { source: 'scanner' })).rejects.toBeInstanceOf(PreparerClosedError);
    expect(seen.filter((e) => e.type === 'workerStarted')).toHaveLength(1);
  });
});
