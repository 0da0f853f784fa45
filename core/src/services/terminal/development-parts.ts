// The door to the development composition (dev-composition.ts: simulated reader, virtual printer, embedded
// sandbox). It is the only way to reach those modules, by dynamic import, and it stays shut in the production
// profile. The Electron build keeps the door out of the production bundle for real: kiosk/scripts/build-electron.mjs
// resolves this import to a separate file, out/dev-composition.cjs, which packaged builds do not ship
// (kiosk/test/app/production-bundle.test.ts checks main.cjs holds none of those modules).
import type { Profile } from '../config/production-policy';
import { DevelopmentOnly, type DevelopmentParts, type DevelopmentPartsLoader } from '../devices/development-parts';

/** Loads the development composition on first use, and only in the development profile. */
export function developmentPartsLoader(profile: Profile): DevelopmentPartsLoader {
  let loading: Promise<DevelopmentParts> | null = null;
  return async (field) => {
    if (profile !== 'development') throw new DevelopmentOnly(field);
    loading ??= import('./dev-composition').then((m) => m.developmentParts);
    return loading;
  };
}
