// Resumable download of one package into the agent's own folder. `<file>.part` grows until it has the announced
// size; an interrupted download continues with a Range request (a server that answers 200 instead of 206 starts
// over). Never more than the announced size is written, and nothing is fetched whose size exceeds the cap or the
// free disk. The file is only renamed to its final name after size, sha512 and signature checked out (verify.ts).
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { codedError } from '@easydo/device-drivers/device/coded-error';

export class DownloadError extends codedError<'tooLarge' | 'diskFull' | 'http' | 'network' | 'overrun'>('DownloadError') {}

export interface DownloadRequest {
  url: string;
  size: number;
  dir: string;
  fileName: string;
  maxBytes: number;
  /** Kept free on the disk beyond the package itself (the helper copies it once more). */
  reserveBytes?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

export async function download(req: DownloadRequest): Promise<{ partPath: string; resumedFrom: number }> {
  if (req.size > req.maxBytes) throw new DownloadError('tooLarge', `the package has ${req.size} bytes; the cap is ${req.maxBytes}`);
  await mkdir(req.dir, { recursive: true });
  const partPath = join(req.dir, `${req.fileName}.part`);
  let have = await sizeOf(partPath);
  if (have > req.size) {
    await rm(partPath, { force: true });
    have = 0;
  }
  const fs = await statfs(req.dir);
  if ((req.size - have) * 2 + (req.reserveBytes ?? 0) > fs.bavail * fs.bsize) throw new DownloadError('diskFull', 'not enough free disk for the package and its copy');
  if (have === req.size) return { partPath, resumedFrom: have };

  const doFetch = req.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(req.url, { headers: have > 0 ? { range: `bytes=${have}-` } : {}, signal: req.signal, redirect: 'error' });
  } catch (e) {
    throw new DownloadError('network', `download failed: ${(e as Error).message}`, { cause: e });
  }
  let resumedFrom = have;
  if (res.status === 200) resumedFrom = 0;
  else if (res.status !== 206 || !res.headers.get('content-range')?.startsWith(`bytes ${have}-`)) {
    await res.body?.cancel();
    throw new DownloadError('http', `the feed answered ${res.status}`);
  }
  if (!res.body) throw new DownloadError('http', 'the feed answered without a body');
  let written = resumedFrom;
  const limit = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, ctl) {
      written += chunk.byteLength;
      if (written > req.size) ctl.error(new DownloadError('overrun', 'the feed sent more than the announced size'));
      else ctl.enqueue(chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(res.body.pipeThrough(limit) as NodeReadableStream), createWriteStream(partPath, { flags: resumedFrom > 0 ? 'a' : 'w' }));
  } catch (e) {
    if (e instanceof DownloadError) {
      await rm(partPath, { force: true });
      throw e;
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOSPC') {
      await rm(partPath, { force: true });
      throw new DownloadError('diskFull', 'the disk filled up during the download', { cause: e });
    }
    // The part file stays: the next attempt resumes from what arrived.
    throw new DownloadError('network', `download interrupted: ${(e as Error).message}`, { cause: e });
  }
  return { partPath, resumedFrom };
}

export async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

export async function promote(partPath: string, finalPath: string): Promise<void> {
  await rename(partPath, finalPath);
}
