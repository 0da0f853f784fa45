// A stand-in for scanimage that misbehaves on purpose: each run follows the next word of FAKE_PLAN, so a test can
// make the first run stall and the second succeed. It counts its runs in $FAKE_STATE/runs and leaves the pid of
// every helper it starts in $FAKE_STATE/helper.<run>, so a test can check that the whole process group died.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';

const SCRIPT = `#!/bin/sh
case "$1" in --version) echo "scanimage (fake) 1.0.0"; exit 0;; esac
n=$(cat "$FAKE_STATE/runs" 2>/dev/null || echo 0); n=$((n + 1)); echo "$n" > "$FAKE_STATE/runs"
plan=$(echo "$FAKE_PLAN" | cut -d' ' -f"$n"); [ -n "$plan" ] || plan=$(echo "$FAKE_PLAN" | awk '{print $NF}')
batch=""; for a in "$@"; do case "$a" in --batch=*) batch="\${a#--batch=}";; esac; done
stall() { sleep 600 & echo $! > "$FAKE_STATE/helper.$n"; wait; }
case "$plan" in
  ok) cat "$FAKE_PNG";;
  stall) head -c 100 "$FAKE_PNG"; stall;;
  silent) stall;;
  ok-then-hang) cat "$FAKE_PNG"; stall;;
  adf-stall) cp "$FAKE_PNG" "$(printf "$batch" 1)"; echo "Scanned page 1." >&2; head -c 100 "$FAKE_PNG" > "$(printf "$batch" 2).part"; stall;;
  adf-silent) stall;;
  jam-then-hang) echo "scanimage: sane_read: Document feeder jammed" >&2; stall;;
esac
`;

export interface FakeScanimage {
  /** Pass as scanimagePath. */
  path: string;
  /** Pass as the scanner's env. */
  env: Record<string, string>;
  runs(): number;
  helperPids(): number[];
}

/** A fresh fake whose runs follow `plan` (e.g. "stall ok"); the last word repeats. */
export function fakeScanimage(plan: string): FakeScanimage {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fake-scanimage-'));
  // Noise, so the file is far longer than the 100 bytes a stalling run writes (it must not look complete).
  const png = new PNG({ width: 64, height: 64 });
  for (let i = 0; i < png.data.length; i++) png.data[i] = (i * 7919) % 251;
  writeFileSync(path.join(dir, 'page.png'), PNG.sync.write(png));
  const bin = path.join(dir, 'scanimage');
  writeFileSync(bin, SCRIPT);
  chmodSync(bin, 0o755);
  const state = path.join(dir, 'state');
  mkdirSync(state);
  return {
    path: bin,
    env: { FAKE_PLAN: plan, FAKE_STATE: state, FAKE_PNG: path.join(dir, 'page.png') },
    runs: () => (existsSync(path.join(state, 'runs')) ? Number(readFileSync(path.join(state, 'runs'), 'utf8').trim()) : 0),
    helperPids: () =>
      readdirSync(state)
        .filter((n) => n.startsWith('helper.'))
        .map((n) => Number(readFileSync(path.join(state, n), 'utf8').trim())),
  };
}

/** Alive and not a zombie (an orphan killed with its group waits for init to reap it, still answering kill 0). */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
