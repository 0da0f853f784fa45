// Malformed input closes that request or socket only: after each of these the shell still answers an ordinary page
// request and an ordinary bridge call. Over real HTTP and a real WebSocket, with raw bytes where a client library
// would refuse to send them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { startBrowserShell, type BrowserShell } from '../../src/browser-shell/server';
import { MAX_MESSAGE_BYTES } from '../../src/browser-shell/bridge-protocol';
import { createRouter, type HandlerTable } from '@easydo/core/services/ipc/router';
import { ModeRegistry } from '@easydo/core/services/ipc/caller';
import { EventHub } from '@easydo/core/services/ipc/event-hub';
import { CHANNEL_NAMES } from '@easydo/core/contract/channels';

let shell: BrowserShell;
let base: string;
let origin: string;
let bridgeUrl: string;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><p>ok</p>');
  const handlers = Object.fromEntries(CHANNEL_NAMES.map((c) => [c, () => { throw new Error('unused'); }])) as unknown as HandlerTable;
  handlers['service:state'] = () => ({ inService: true, canSubmit: true, canReadCard: true, canPrint: true, reasons: [], manual: null });
  shell = await startBrowserShell({ rendererDir: dir, router: createRouter({ handlers }), hub: new EventHub(), modes: new ModeRegistry(), startMode: 'kiosk' });
  base = `http://127.0.0.1:${shell.port}`;
  origin = base;
  bridgeUrl = `ws://127.0.0.1:${shell.port}/bridge?k=${new URL(shell.url).searchParams.get('k')}`;
});
afterAll(() => shell.close());

/** Sends raw bytes and returns the status line of the answer ('' when the socket closed without one). */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(shell.port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (d) => (data += String(d)));
    socket.on('error', reject);
    socket.on('close', () => resolve(data.split('\r\n')[0] ?? ''));
  });
}

function openBridge(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(bridgeUrl, { headers: { origin } });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

async function stillServes(): Promise<void> {
  const page = await fetch(`${base}/`);
  expect(page.status).toBe(200);
  const ws = await openBridge();
  const answer = new Promise<{ id: number; result: { ok: boolean } }>((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)))));
  ws.send(JSON.stringify({ id: 1, channel: 'service:state', payload: {} }));
  expect((await answer).result.ok).toBe(true);
  ws.close();
}

describe('browser shell under malformed input', () => {
  it('GET /% (a broken percent escape) is a 400 for that request only', async () => {
    expect(await raw('GET /% HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
    await stillServes();
  });

  it('GET // is answered, not a crash', async () => {
    expect(await raw('GET // HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 (400|403|404)/);
    await stillServes();
  });

  it('an Upgrade on // is refused', async () => {
    const upgrade = 'GET // HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
      `Origin: ${origin}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;
    expect(await raw(upgrade)).toMatch(/^HTTP\/1\.1 (400|403)/);
    await stillServes();
  });

  it('an oversized WebSocket frame closes that socket only (1009)', async () => {
    const ws = await openBridge();
    const code = closed(ws);
    ws.on('error', () => undefined);
    ws.send(Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0x20), { binary: false });
    expect(await code).toBe(1009);
    await stillServes();
  });

  it('one byte of invalid UTF-8 closes that socket only (1007)', async () => {
    const ws = await openBridge();
    const code = closed(ws);
    ws.on('error', () => undefined);
    ws.send(Buffer.from([0xff]), { binary: false });
    expect(await code).toBe(1007);
    await stillServes();
  });

  it('a request line the HTTP parser rejects leaves the shell running', async () => {
    expect(await raw('GARBAGE\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
    await stillServes();
  });
});
