// Resumable download of one package into the agent's own folder. `<file>.part` grows until it has the announced
// size; an interrupted download continues with a Range request (a server that answers 200 instead of 206 starts
// over). Never more than the announced size is written, and nothing is fetched whose size exceeds the cap or the
// free disk. The file is only renamed to its final name after size, sha512 and signature checked out (verify.ts).
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { mkdir, rm, stat, statfs } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { join } from 'node:path';
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
  /**
   * The whole download's bound (default 2 h) beside the 60 s idle timeout: a feed (or a man in the middle) that
   * trickles a byte now and then would otherwise hold the check for ever. What arrived stays to resume from.
   */
  deadlineMs?: number;
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

  const got = await fetchInto(req, partPath, have);
  return { partPath, resumedFrom: got };
}

/**
 * node:http(s) in flowing mode with each chunk written synchronously as it is emitted: whatever arrived before a
 * cut is on disk to resume from. (fetch's web stream drops chunks still queued when the connection fails, and a
 * stream pipeline drops its queued writes; a synchronous write of one socket chunk is short.)
 */
function fetchInto(req: DownloadRequest, partPath: string, have: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(req.url);
    const get = url.protocol === 'https:' ? httpsGet : httpGet;
    const deadline = AbortSignal.timeout(req.deadlineMs ?? 2 * 3600_000);
    const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
    const r = get(url, { headers: have > 0 ? { range: `bytes=${have}-` } : {}, signal, timeout: 60_000 }, (res) => {
      let resumedFrom = have;
      if (res.statusCode === 200) resumedFrom = 0;
      else if (res.statusCode !== 206 || !res.headers['content-range']?.startsWith(`bytes ${have}-`)) {
        res.resume();
        return reject(new DownloadError('http', `the feed answered ${res.statusCode}`));
      }
      let fd: number;
      try {
        fd = openSync(partPath, resumedFrom > 0 ? 'a' : 'w');
      } catch (e) {
        res.resume();
        return reject(new DownloadError('network', (e as Error).message, { cause: e }));
      }
      let written = resumedFrom;
      let failed: DownloadError | null = null;
      const fail = (e: DownloadError) => {
        failed ??= e;
        res.destroy();
      };
      res.on('data', (chunk: Buffer) => {
        if (failed) return;
        written += chunk.byteLength;
        if (written > req.size) return fail(new DownloadError('overrun', 'the feed sent more than the announced size'));
        try {
          writeSync(fd, chunk);
        } catch (e) {
          fail((e as NodeJS.ErrnoException).code === 'ENOSPC' ? new DownloadError('diskFull', 'the disk filled up during the download', { cause: e }) : new DownloadError('network', (e as Error).message, { cause: e }));
        }
      });
      res.on('close', () => {
        closeSync(fd);
        const err = failed ?? (written !== req.size ? new DownloadError('network', `the download ended after ${written} of ${req.size} bytes`) : null);
        if (!err) return resolve(resumedFrom);
        // A refused or overfull file goes; an interrupted one stays to be resumed.
        if (err.code !== 'network') rmSync(partPath, { force: true });
        reject(err);
      });
    });
    r.on('timeout', () => r.destroy(new Error('timeout')));
    r.on('error', (e) => reject(new DownloadError('network', `download failed: ${e.message}`, { cause: e })));
  });
}


export async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}
