// npm run scan -- --source sane|folder [--device D] --out DIR [--adf] [--resolution N] [--mode Gray|Color] [--count N] [--sane-arg ARG]...
//   sane:   scans with scanimage (default device `test`, the SANE test backend) and writes page PNGs.
//   folder: watches folder D (the network scanner's target) and moves each valid image into DIR;
//           stops after --count pages (default 1) or Ctrl-C.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SaneScanner } from './sane-scanner';
import { HotFolderSource } from './hot-folder';
import { ScannerError } from './errors';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      source: { type: 'string', default: 'sane' },
      device: { type: 'string' },
      out: { type: 'string' },
      adf: { type: 'boolean', default: false },
      resolution: { type: 'string', default: '300' },
      mode: { type: 'string', default: 'Gray' },
      count: { type: 'string', default: '1' },
      'sane-arg': { type: 'string', multiple: true, default: [] },
    },
  });
  if (!values.out || !['sane', 'folder'].includes(values.source)) {
    console.error('usage: npm run scan -- --source sane|folder [--device D] --out DIR [--adf] [--resolution N] [--mode Gray|Color] [--count N]');
    return 2;
  }
  const out = path.resolve(values.out);
  await mkdir(out, { recursive: true });

  if (values.source === 'sane') {
    const device = values.device ?? 'test';
    const scanner = new SaneScanner({
      device,
      backends: [device.split(':')[0]!],
      source: values.adf ? 'adf' : 'flatbed',
      resolution: Number(values.resolution),
      mode: values.mode as 'Gray' | 'Color',
      extraArgs: values['sane-arg'],
    });
    await scanner.start();
    try {
      const pages = await scanner.scan();
      for (const p of pages) {
        const file = path.join(out, `page-${String(p.index).padStart(3, '0')}.${p.format}`);
        await writeFile(file, p.bytes);
        console.log(file);
      }
      return 0;
    } catch (err) {
      if (err instanceof ScannerError) {
        console.error(`scan failed: ${err.code}: ${err.message} (pages scanned: ${err.pagesScanned})`);
        return 1;
      }
      throw err;
    }
  }

  if (!values.device) {
    console.error('--source folder needs --device <folder to watch>');
    return 2;
  }
  const folder = new HotFolderSource({ dir: values.device });
  const want = Number(values.count);
  let got = 0;
  await folder.start();
  if (folder.snapshot().status !== 'online') {
    console.error(`hot folder: ${folder.snapshot().lastError?.message ?? 'not available'}`);
    return 1;
  }
  // Only pages that arrive from now on are ours; whatever is already there is discarded.
  await folder.beginRequest();
  console.error(`watching ${values.device} for ${want} page(s)…`);
  await new Promise<void>((resolve) => {
    folder.onRejected((r) => console.error(`rejected ${r.name}: ${r.code}`));
    folder.onPage((p) => {
      got++;
      const file = path.join(out, `page-${String(got).padStart(3, '0')}.${p.format}`);
      void writeFile(file, p.bytes).then(() => {
        console.log(file);
        if (got >= want) resolve();
      });
    });
    process.once('SIGINT', () => resolve());
  });
  await folder.stop();
  return 0;
}

process.exitCode = await main();
