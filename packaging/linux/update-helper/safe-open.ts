// Root reading files the unprivileged agent named: whatever the name pointed at when it was checked, the agent can
// swap it afterwards (a symlink to /etc/shadow, a FIFO that blocks the helper, /dev/zero, a file that keeps growing).
// So the helper opens once without following a final symlink and without blocking, checks the handle it holds (a
// regular file of the claimed size, under the cap, in the accepted folder) and reads only from that handle, never
// more than it expects plus one byte.
import { closeSync, constants, fstatSync, fsyncSync, openSync, readlinkSync, readSync, writeSync } from 'node:fs';
import { sep } from 'node:path';

export type UnsafeCode = 'noFile' | 'notAccepted' | 'tooLarge' | 'sizeMismatch';
export class UnsafeFile extends Error {
  constructor(
    readonly code: UnsafeCode,
    message: string,
  ) {
    super(message);
    this.name = 'UnsafeFile';
  }
}

const CHUNK = 1024 * 1024;

/** A regular file opened read-only, no final symlink, no blocking on a FIFO; `within`: its real folder must be that. */
function openRegular(path: string, within?: string): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnsafeFile(code === 'ELOOP' ? 'notAccepted' : 'noFile', code === 'ELOOP' ? 'a symbolic link is not taken' : 'the named file does not exist');
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UnsafeFile('notAccepted', 'only regular files are taken');
    // The folders on the way could have been swapped for links too: where the handle really is decides (Linux /proc).
    if (within !== undefined && !readlinkSync(`/proc/self/fd/${fd}`).startsWith(within + sep)) throw new UnsafeFile('notAccepted', "only files in the agent's download folder are taken");
    return { fd, size: st.size };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** Reads a small file (a spool request) of at most maxBytes. */
export function readBounded(path: string, maxBytes: number): Buffer {
  const { fd, size } = openRegular(path);
  try {
    if (size > maxBytes) throw new UnsafeFile('tooLarge', `over ${maxBytes} bytes`);
    const buf = Buffer.alloc(maxBytes + 1);
    let n = 0;
    for (let r = 1; r > 0 && n <= maxBytes; n += r) r = readSync(fd, buf, n, maxBytes + 1 - n, null);
    if (n > maxBytes) throw new UnsafeFile('tooLarge', `over ${maxBytes} bytes`);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Copies exactly `size` bytes (the signed claim, at most maxBytes) from the named file into a new file at `target`. */
export function copyBounded(path: string, target: string, o: { size: number; maxBytes: number; within?: string }): void {
  if (o.size > o.maxBytes) throw new UnsafeFile('tooLarge', `over the cap of ${o.maxBytes} bytes`);
  const src = openRegular(path, o.within);
  try {
    if (src.size !== o.size) throw new UnsafeFile('sizeMismatch', 'the file is not the size the release claims');
    const out = openSync(target, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    try {
      const buf = Buffer.alloc(CHUNK);
      let total = 0;
      for (;;) {
        const r = readSync(src.fd, buf, 0, Math.min(CHUNK, o.size + 1 - total), null);
        if (r === 0) break;
        total += r;
        if (total > o.size) throw new UnsafeFile('sizeMismatch', 'the file grew while it was copied');
        for (let w = 0; w < r; ) w += writeSync(out, buf, w, r - w);
      }
      if (total !== o.size) throw new UnsafeFile('sizeMismatch', 'the file shrank while it was copied');
      fsyncSync(out);
    } finally {
      closeSync(out);
    }
  } finally {
    closeSync(src.fd);
  }
}
