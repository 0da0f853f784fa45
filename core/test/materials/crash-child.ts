// A "previous run" for working-files.test.ts: makes a materials folder the way a session does, writes a page
// image into it, prints the folder and dies by SIGKILL (no exit handlers, no cleanup: a crash or power cut).
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { makeMaterialsDir, writeSealed } from '../../src/services/materials/sealed-files';

const [root, image] = process.argv.slice(2) as [string, string];
const dir = await makeMaterialsDir(root);
await mkdir(path.join(dir, 'page-1'), { mode: 0o700 });
await writeSealed(path.join(dir, 'page-1', 'upload.jpg'), new Uint8Array(readFileSync(image)));
process.stdout.write(`${dir}\n`, () => process.kill(process.pid, 'SIGKILL'));
