// A4 printing through CUPS `lp` (Linux). We shell out to lp rather than use Electron's silent print,
// whose deviceName is unreliable (electron/electron#30340). Windows: see docs in README of the printer
// driver — pdf-to-printer (bundled SumatraPDF) takes the same PDF.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { codedError } from '@easydo/device-drivers/device/coded-error';

export const lpOptionsSchema = z.object({
  /** CUPS queue name (`lpstat -p`), e.g. "PDF" in CI, the counter's A4 printer in production. */
  queue: z.string().regex(/^[A-Za-z0-9_.-]{1,127}$/, 'CUPS queue names are letters, digits, _ . -'),
  /** Job title as shown in the queue; must not contain personal data. */
  title: z.string().min(1).max(100),
  media: z.enum(['A4', 'A5', 'Letter']).default('A4'),
  copies: z.number().int().min(1).max(20).default(1),
  lpPath: z.string().default('lp'),
});
export type LpOptions = z.input<typeof lpOptionsSchema>;

export class LpError extends codedError<'lpMissing' | 'lpFailed' | 'badLpOutput'>('LpError') {}

/** Print PDF bytes with `lp -d QUEUE`; resolves to the CUPS job id (e.g. "PDF-12"). */
export async function printPdfWithLp(pdf: Uint8Array, options: LpOptions): Promise<{ jobId: string }> {
  const o = lpOptionsSchema.parse(options);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'easydo-lp-'));
  const file = path.join(dir, 'document.pdf');
  try {
    await writeFile(file, pdf, { mode: 0o600 });
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(o.lpPath, ['-d', o.queue, '-n', String(o.copies), '-o', `media=${o.media}`, '-t', o.title, file], { timeout: 30_000 }, (err, out, errOut) => {
        if (err) {
          const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
          reject(new LpError(missing ? 'lpMissing' : 'lpFailed', missing ? `${o.lpPath} not found (install cups-client)` : `lp failed: ${String(errOut).trim() || err.message}`));
        } else resolve(String(out));
      });
    });
    const m = /request id is (\S+)/.exec(stdout);
    if (!m?.[1]) throw new LpError('badLpOutput', `unexpected lp output: ${stdout.trim()}`);
    return { jobId: m[1] };
  } finally {
    // lp copies the file into the spool before it returns, so the temporary copy can go now.
    await rm(dir, { recursive: true, force: true });
  }
}
