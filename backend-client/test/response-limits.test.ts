// A hostile or broken server that answers with a gigabyte: the client stops reading at the operation's
// `x-max-response-bytes` and throws a typed `too_large` error instead of buffering it (real HTTP, a server that
// would stream 1 GiB if it were read).
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEV_TERMINAL } from '../src/dev-terminal';
import { createBackendClient } from '../src/client';
import { BackendError } from '../src/errors';
import { specValidator } from '../src/spec-validator';

const GIB = 1024 ** 3;
type Mode = 'stream' | 'announce' | 'streamError' | 'padded';
let mode: Mode = 'stream';
/** Bytes the server managed to hand to the socket for the last request. */
let written = 0;
/** Settles when the server has stopped streaming (the client hung up, or it sent everything). */
let streaming: Promise<void> = Promise.resolve();
let server: Server;
let baseUrl = '';

async function streamGigabyte(res: ServerResponse): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024, 0x20); // spaces: still valid JSON whitespace if anyone kept reading
  res.write('{"serverTime":"2025-03-03T09:00:00.000Z","catalogueVersion":"v1"');
  written = 0;
  let closed = false;
  res.on('close', () => void (closed = true));
  while (!closed && written < GIB) {
    written += chunk.length;
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const go = () => (res.off('drain', go), res.off('close', go), resolve());
        res.on('drain', go).on('close', go);
      });
    }
  }
  if (!closed) res.end('}');
}

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    if (mode === 'announce') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(GIB) });
      res.write('{');
      return; // and never more: a client that believed the header would wait for the rest
    }
    if (mode === 'padded') {
      const ack = JSON.stringify({ serverTime: new Date().toISOString(), catalogueVersion: 'v1' });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(ack + ' '.repeat(60 * 1024)); // under heartbeat's 64 KiB
      return;
    }
    res.writeHead(mode === 'streamError' ? 500 : 200, { 'content-type': 'application/json' });
    streaming = streamGigabyte(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => void (written = 0));

const client = () => createBackendClient({ baseUrl, terminalId: DEV_TERMINAL.id, secret: DEV_TERMINAL.secret, timeoutMs: 60_000, maxAttempts: 1 });
const heartbeat = { at: new Date().toISOString(), mode: 'kiosk' as const, appVersion: 't', inService: true, devices: [], alerts: [] };

describe('response size limits', () => {
  it('every operation declares a limit; the catalogue may be far bigger than a heartbeat answer', () => {
    const ops = specValidator().operations;
    for (const op of ops.values()) expect(op.maxResponseBytes, op.operationId).toBeGreaterThan(0);
    expect(ops.get('getCatalogue')!.maxResponseBytes).toBeGreaterThan(ops.get('sendHeartbeat')!.maxResponseBytes * 16);
  });

  it('a streamed gigabyte is cut off at the limit with a typed error', async () => {
    mode = 'stream';
    const e = await client().sendHeartbeat(heartbeat).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BackendError);
    expect(e).toMatchObject({ code: 'too_large', operationId: 'sendHeartbeat', retryable: false, details: { limit: 65_536 } });
    await streaming; // the server stopped because the client hung up, not because it ran out of gigabyte
    expect(written).toBeLessThan(64 * 1024 ** 2); // socket buffers at most
  });

  it('the catalogue has its own, larger limit, and an error body is bounded too', async () => {
    mode = 'stream';
    const cat = await client().getCatalogue().catch((x: unknown) => x);
    expect(cat).toMatchObject({ code: 'too_large', details: { limit: specValidator().operation('getCatalogue').maxResponseBytes } });
    mode = 'streamError';
    const err = await client().submitEvaluation({ acceptanceNumber: 'x', itemCode: 'QR00204001', departmentCode: '440304', level: '满意', indicators: { overall: '满意' }, channel: 'kiosk' }).catch((x: unknown) => x);
    expect(err).toMatchObject({ code: 'too_large', operationId: 'submitEvaluation' });
  });

  it('a Content-Length over the limit is refused before the body is read', async () => {
    mode = 'announce';
    const e = await client().sendHeartbeat(heartbeat).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'too_large', details: { limit: 65_536, announced: GIB } });
  });

  it('an answer under the limit is read whole', async () => {
    mode = 'padded';
    const ack = await client().sendHeartbeat(heartbeat);
    expect(ack.catalogueVersion).toBe('v1');
  });
});
