// The helper's state and its lock. State is written to a temp file, fsynced and renamed, so a power cut leaves the
// old state or the new one, never half of either. The lock holds one helper at a time (systemd already runs the
// oneshot unit once at a time, and dpkg has its own lock; this one also covers the time around dpkg): a lock file
// naming a dead pid (a helper killed mid-install) is taken over.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { EMPTY_STATE, HelperState } from './protocol';

export function readState(stateDir: string): HelperState {
  let text: string;
  try {
    text = readFileSync(join(stateDir, 'state.json'), 'utf8');
  } catch {
    return structuredClone(EMPTY_STATE);
  }
  return HelperState.parse(JSON.parse(text));
}

export function writeJsonAtomic(path: string, value: unknown, mode = 0o644): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', mode);
  try {
    writeSync(fd, JSON.stringify(value, null, 1));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

export function writeState(stateDir: string, state: HelperState): void {
  writeJsonAtomic(join(stateDir, 'state.json'), HelperState.parse(state));
}

export class LockBusy extends Error {
  constructor(readonly holder: number) {
    super(`another helper (pid ${holder}) is at work`);
    this.name = 'LockBusy';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** An unreadable lock younger than this is someone else's (written by a helper of an older build): left alone. */
const GARBLED_LOCK_GRACE_MS = 60_000;

/**
 * The pid is written to a temp file first and link()ed into place, so the lock appears complete or not at all: a
 * second helper never reads a lock that is created but not yet written as "pid 0" and takes it over.
 */
export function acquireLock(stateDir: string): () => void {
  mkdirSync(stateDir, { recursive: true });
  const path = join(stateDir, 'helper.lock');
  const tmp = join(stateDir, `helper.lock.${process.pid}.${randomBytes(6).toString('hex')}`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, String(process.pid));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(tmp, path);
        return () => unlinkSync(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        let text: string;
        let age: number;
        try {
          text = readFileSync(path, 'utf8');
          age = Date.now() - statSync(path).mtimeMs;
        } catch {
          continue; // released meanwhile
        }
        const holder = /^\d+$/.test(text) ? Number(text) : 0;
        if (holder === 0 && age < GARBLED_LOCK_GRACE_MS) throw new LockBusy(0);
        if (holder > 0 && holder !== process.pid && alive(holder)) throw new LockBusy(holder);
        rmSync(path, { force: true }); // a dead helper's lock (killed mid-install)
      }
    }
    throw new LockBusy(0);
  } finally {
    unlinkSync(tmp);
  }
}
