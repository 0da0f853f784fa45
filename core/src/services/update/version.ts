// Release versions are plain x.y.z (what electron-builder writes into the .deb); compared numerically, so 1.10.0
// is newer than 1.9.3. Pre-release tags are not used on the fleet: a pilot ring plays that part.
import { z } from 'zod';

export const VERSION_PATTERN = /^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/;
export const Version = z.string().regex(VERSION_PATTERN, 'a version x.y.z');

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  return 0;
}
