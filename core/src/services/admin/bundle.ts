// The diagnostics bundle a maintainer takes away: config without secrets, logs, device counters and statuses,
// outbox and machine state, the audit trail, the minute history; a tar.gz in <dataDir>/bundles. Logs are
// redacted when written (logger.ts); each line is redacted again here, so even a line some other writer put
// in the log folder cannot carry an ID number or a name out of the terminal.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { create as createTar } from 'tar';
import { redact, scrubText } from '../logging/redact';

export interface BundleInputs {
  dataDir: string;
  terminalId: string;
  logDir: string | null;
  /** Called before the logs are read (flushes the file stream). */
  flushLogs?: () => Promise<void>;
  auditFile: string | null;
  /** Plain data sections, each written as <name>.json (already free of secrets). */
  sections: Record<string, unknown>;
  now?: Date;
}

export interface BundleFile {
  fileName: string;
  path: string;
  bytes: number;
}

/** Sections hold no personal fields by construction (config without secrets, device data): only scrub text
 *  shaped like an ID number, so that e.g. the printer's `address` stays readable. */
function scrubDeep(value: unknown): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (Array.isArray(value)) return value.map(scrubDeep);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v)]));
  return value;
}

function redactLines(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!line.trim()) return line;
      try {
        return JSON.stringify(redact(JSON.parse(line)));
      } catch {
        return scrubText(line);
      }
    })
    .join('\n');
}

export async function writeBundle(inputs: BundleInputs): Promise<BundleFile> {
  const now = inputs.now ?? new Date();
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const outDir = path.join(inputs.dataDir, 'bundles');
  await mkdir(outDir, { recursive: true });
  const fileName = `diagnostics-${inputs.terminalId}-${stamp}.tar.gz`;
  const file = path.join(outDir, fileName);
  const staging = await mkdtemp(path.join(os.tmpdir(), 'easydo-bundle-'));
  try {
    const root = path.join(staging, 'diagnostics');
    await mkdir(path.join(root, 'logs'), { recursive: true });
    await inputs.flushLogs?.();
    const included: string[] = [];
    if (inputs.logDir && existsSync(inputs.logDir)) {
      for (const name of (await readdir(inputs.logDir)).sort()) {
        const src = path.join(inputs.logDir, name);
        if (!(await stat(src)).isFile()) continue;
        await writeFile(path.join(root, 'logs', name), redactLines(await readFile(src, 'utf8')));
        included.push(`logs/${name}`);
      }
    }
    if (inputs.auditFile && existsSync(inputs.auditFile)) {
      await writeFile(path.join(root, 'audit.jsonl'), redactLines(await readFile(inputs.auditFile, 'utf8')));
      included.push('audit.jsonl');
    }
    for (const [name, value] of Object.entries(inputs.sections)) {
      await writeFile(path.join(root, `${name}.json`), JSON.stringify(scrubDeep(value), null, 2));
      included.push(`${name}.json`);
    }
    await writeFile(path.join(root, 'manifest.json'), JSON.stringify({ terminalId: inputs.terminalId, createdAt: now.toISOString(), files: included }, null, 2));
    await createTar({ gzip: true, file, cwd: staging, portable: true }, ['diagnostics']);
    return { fileName, path: file, bytes: (await stat(file)).size };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
