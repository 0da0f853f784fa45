// The Electron main bundle that terminals run holds no simulator, virtual printer or sandbox: they live in the
// separate development bundle, which main loads at run time in the development profile only (and packages omit).
import { mkdtempSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const out = mkdtempSync(path.join(os.tmpdir(), 'easydo-bundle-'));

/** Module paths esbuild writes as comments before each module it inlines (the bundle is not minified). */
const DEVELOPMENT_MODULES = [
  'backend-client/sandbox/server.ts',
  'backend-client/sandbox/handlers/',
  'device-drivers/src/printer/virtual/server.ts',
  'device-drivers/src/idcard/simulator/simulated-reader.ts',
  'device-drivers/src/idcard/simulator/simulator.ts',
  'device-drivers/src/idcard/transport/memory-link.ts',
  'device-drivers/src/idcard/simulator/cardholders.ts',
  'core/src/services/terminal/dev-composition.ts',
  // the simulated 2D scanner and its sandbox codes
  'device-drivers/src/qrscan/simulator/simulator.ts',
  'device-drivers/src/qrscan/transport/memory-link.ts',
  'device-drivers/src/qrscan/simulator/sandbox-codes.ts',
  'core/src/services/devices/simulated-qr-scanner.ts',
];

let main = '';
let dev = '';
beforeAll(() => {
  execFileSync(process.execPath, ['kiosk/scripts/build-electron.mjs'], { cwd: root, stdio: 'pipe', env: { ...process.env, EASYDO_ELECTRON_OUT: out } });
  main = readFileSync(path.join(out, 'main.cjs'), 'utf8');
  dev = readFileSync(path.join(out, 'dev-composition.cjs'), 'utf8');
}, 180_000);

describe('production main bundle', () => {
  it('contains none of the development modules', () => {
    const found = DEVELOPMENT_MODULES.filter((m) => main.includes(`// ${m}`));
    expect(found).toEqual([]);
    // The sandbox's own routes and the virtual printer's job files are not in it either.
    expect(main).not.toContain('startSandbox');
    expect(main).not.toContain('startVirtualPrinter');
    expect(main).not.toContain('/dev/identity-codes');
  });

  it('reaches the development composition only as a separate file beside it', () => {
    expect(main).toContain('import("./dev-composition.cjs")');
  });

  it('the development bundle holds those modules (so the markers above are real)', () => {
    const missing = DEVELOPMENT_MODULES.filter((m) => !dev.includes(`// ${m}`));
    expect(missing).toEqual([]);
    expect(dev).toContain('startSandbox');
  });

  it('packages leave the development bundle out', () => {
    expect(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')).toMatch(/^\s*- "!out\/dev-composition\.cjs"$/m);
  });
});
