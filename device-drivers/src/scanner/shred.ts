// Deleting a scanned page "securely": overwrite its bytes with zeros, flush, then unlink, so the content is not
// left in the file's old blocks for whoever reads the share or the disk next. On copy-on-write or SSD storage
// this is best effort (the old blocks may survive elsewhere); it still beats a plain unlink.
import { open, stat, unlink } from 'node:fs/promises';

const CHUNK = 64 * 1024;

export async function shredFile(file: string): Promise<void> {
  try {
    const size = (await stat(file)).size;
    const handle = await open(file, 'r+');
    try {
      const zeros = Buffer.alloc(Math.min(CHUNK, Math.max(1, size)));
      for (let at = 0; at < size; at += zeros.length) await handle.write(zeros, 0, Math.min(zeros.length, size - at), at);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Unreadable or already gone: unlinking is all that is left to do.
  }
  await unlink(file).catch(() => undefined);
}
