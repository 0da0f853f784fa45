// The download against a real loopback HTTP server: the size cap, an overrun, a resume after a cut, a server that
// ignores Range (starts over), and verification of size, hash and signature.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download } from '@easydo/core/services/update/download';
import { verifyPackage } from '@easydo/core/services/update/verify';
import { generateSigningKey, packageStatement, signData } from '@easydo/core/services/update/signing';

const body = randomBytes(200_000);
let mode: 'normal' | 'cut' | 'noRange' | 'overrun' | 'trickle' = 'normal';
const tricklers: NodeJS.Timeout[] = [];
const ranges: Array<string | undefined> = [];
const server = createServer((req, res) => {
  ranges.push(req.headers.range);
  const m = /bytes=(\d+)-/.exec(req.headers.range ?? '');
  if (mode === 'overrun') return void res.writeHead(200).end(Buffer.concat([body, Buffer.from('extra')]));
  if (mode === 'trickle') {
    // A byte every 50 ms: never idle for the 60 s timeout, never done.
    res.writeHead(200, { 'content-length': body.length });
    let i = 0;
    const t = setInterval(() => res.write(body.subarray(i, ++i)), 50);
    tricklers.push(t);
    res.on('close', () => clearInterval(t));
    return;
  }
  if (m && mode !== 'noRange') {
    const start = Number(m[1]);
    res.writeHead(206, { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` }).end(body.subarray(start));
    return;
  }
  res.writeHead(200, { 'content-length': body.length });
  if (mode === 'cut') {
    // FIN after the data (not RST, which may discard what the client has not read yet): a short response.
    res.write(body.subarray(0, 50_000), () => res.socket?.end());
    return;
  }
  res.end(body);
});
let url = '';
let dir = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/p.deb`;
  dir = await mkdtemp(join(tmpdir(), 'easydo-dl-'));
});
afterAll(async () => {
  for (const t of tricklers) clearInterval(t);
  server.closeAllConnections();
  server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('download', () => {
  it('refuses a package over the cap before fetching anything', async () => {
    ranges.length = 0;
    await expect(download({ url, size: body.length, dir, fileName: 'a', maxBytes: 1000 })).rejects.toMatchObject({ code: 'tooLarge' });
    expect(ranges).toEqual([]);
  });

  it('resumes after a cut with a Range request, and starts over when the server ignores Range', async () => {
    mode = 'cut';
    ranges.length = 0;
    await expect(download({ url, size: body.length, dir, fileName: 'b', maxBytes: 1e9 })).rejects.toMatchObject({ code: 'network' });
    const partial = (await readFile(join(dir, 'b.part'))).length;
    expect(partial).toBeGreaterThan(0);
    mode = 'normal';
    const r = await download({ url, size: body.length, dir, fileName: 'b', maxBytes: 1e9 });
    expect(r.resumedFrom).toBe(partial);
    expect(ranges[1]).toBe(`bytes=${partial}-`);
    expect(Buffer.compare(await readFile(r.partPath), body)).toBe(0);
    await writeFile(join(dir, 'c.part'), body.subarray(0, 1000));
    mode = 'noRange';
    const again = await download({ url, size: body.length, dir, fileName: 'c', maxBytes: 1e9 });
    expect(again.resumedFrom).toBe(0);
    expect(Buffer.compare(await readFile(again.partPath), body)).toBe(0);
  });

  it('stops a server that sends more than announced', async () => {
    mode = 'overrun';
    await expect(download({ url, size: body.length, dir, fileName: 'd', maxBytes: 1e9 })).rejects.toMatchObject({ code: 'overrun' });
    mode = 'normal';
  });

  it('gives up on a feed that trickles past the overall deadline, keeping what arrived to resume from', async () => {
    mode = 'trickle';
    await expect(download({ url, size: body.length, dir, fileName: 't', maxBytes: 1e9, deadlineMs: 1000 })).rejects.toMatchObject({ code: 'network' });
    mode = 'normal';
    expect((await readFile(join(dir, 't.part'))).length).toBeGreaterThan(0);
  });

  it('verifies size, sha512 and the signature of the statement', async () => {
    const key = generateSigningKey('k');
    const keys = [{ id: 'k', publicKey: key.publicKey }];
    const path = join(dir, 'v.deb');
    await writeFile(path, body);
    const sha512 = createHash('sha512').update(body).digest('hex');
    const claim = { name: 'easydo-terminal', version: '1.0.1', size: body.length, sha512, keyId: 'k', signature: '' };
    claim.signature = signData(key, packageStatement(claim));
    await expect(verifyPackage(path, claim, keys)).resolves.toBeUndefined();
    await expect(verifyPackage(path, { ...claim, size: body.length + 1 }, keys)).rejects.toMatchObject({ code: 'size' });
    await expect(verifyPackage(path, { ...claim, sha512: 'a'.repeat(128) }, keys)).rejects.toMatchObject({ code: 'hash' });
    await expect(verifyPackage(path, { ...claim, version: '1.0.2' }, keys)).rejects.toMatchObject({ code: 'signature' });
  });
});
