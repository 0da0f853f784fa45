// Private working folders for page images (scanimage's batch pages, a materials session's working files).
// They live under $XDG_RUNTIME_DIR when the session has one (a per-user tmpfs, 0700, emptied at reboot and power
// cut), else the OS temp folder. Each folder's name carries the owning process's pid and kernel start time, so a
// later start-up can tell the folders a crashed run left behind from those of a process still running, and delete
// them (sweepStaleDirs) without touching a live neighbour's work.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where working folders go: the user's runtime tmpfs when it is present and private, else os.tmpdir(). */
export function tempRoot(env: NodeJS.ProcessEnv = process.env): string {
  const runtime = env.XDG_RUNTIME_DIR;
  if (runtime && path.isAbsolute(runtime)) {
    try {
      const s = statSync(runtime);
      // XDG: owned by the user, 0700. Anything else is not private and is not used.
      const ours = process.getuid === undefined || s.uid === process.getuid();
      if (s.isDirectory() && ours && (s.mode & 0o077) === 0) return runtime;
    } catch {
      // missing: fall back
    }
  }
  return os.tmpdir();
}

/**
 * When the kernel started `pid` (Linux /proc, clock ticks since boot), so a reused pid is not taken for the process
 * that made a folder. Not combined with the boot time: /proc/stat's btime is derived from the wall clock and moves
 * when the clock is adjusted (seen drifting 26 s in an hour on a VM), which made a live folder look stale.
 */
function startStamp(pid: number): string | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // starttime is field 22; count from after the parenthesised command name, which may hold spaces.
    const start = text.slice(text.lastIndexOf(')') + 2).split(' ')[19];
    return start && /^\d+$/.test(start) ? Number(start).toString(36) : null;
  } catch {
    return null;
  }
}

const OWN_STAMP = startStamp(process.pid) ?? 'x';

/** The owner part of a folder name for `pid` (`<pid>-<start>`), as makePrivateDir writes it for this process. */
export function ownerTag(pid = process.pid): string {
  return `${pid}-${pid === process.pid ? OWN_STAMP : startStamp(pid) ?? 'x'}`;
}

/** Makes `<root>/<prefix>-<pid>-<start>-XXXXXX`, mode 0700. */
export async function makePrivateDir(prefix: string, root = tempRoot()): Promise<string> {
  const dir = await mkdtemp(path.join(root, `${prefix}-${ownerTag()}-`));
  if (((await stat(dir)).mode & 0o077) !== 0) throw new Error('The working folder is not private');
  return dir;
}

function ownerAlive(pid: number, stamp: string): boolean {
  if (pid === process.pid) return stamp === OWN_STAMP;
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to another user. Anything else: gone.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = startStamp(pid);
  return now === null || stamp === 'x' || now === stamp;
}

export interface SweepOptions {
  root?: string;
  /** Also delete folders of the old unowned naming (`<prefix>-XXXXXX`) last changed longer ago than this. */
  legacyOlderThanMs?: number;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Deletes `<prefix>-…` folders whose owning process is gone (a crash, a power cut, kill -9) and returns how many.
 * Folders of live processes, this one included, stay.
 */
export async function sweepStaleDirs(prefix: string, options: SweepOptions = {}): Promise<number> {
  const root = options.root ?? tempRoot();
  // A dot in the stamp: the btime-based stamps of an earlier version, never equal to a current one.
  const owned = new RegExp(`^${escapeRe(prefix)}-(\\d+)-([0-9a-z.]+|x)-[A-Za-z0-9]{6}$`);
  const legacy = new RegExp(`^${escapeRe(prefix)}-[A-Za-z0-9]{6}$`);
  const names = await readdir(root).catch(() => [] as string[]);
  let swept = 0;
  for (const name of names) {
    const m = owned.exec(name);
    let stale = false;
    if (m) {
      stale = !ownerAlive(Number(m[1]), m[2]!);
    } else if (options.legacyOlderThanMs !== undefined && legacy.test(name)) {
      const s = await stat(path.join(root, name)).catch(() => null);
      stale = !!s?.isDirectory() && Date.now() - s.mtimeMs > options.legacyOlderThanMs;
    }
    if (!stale) continue;
    await rm(path.join(root, name), { recursive: true, force: true });
    swept++;
  }
  return swept;
}
