import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { assertLoopbackHost, BrowserShellRefused, isPackagedBuild } from '../../src/browser-shell/loopback';
import { startBrowserShell, type BrowserShell } from '../../src/browser-shell/server';
import { createRouter, type HandlerTable } from '@easydo/core/services/ipc/router';
import { ModeRegistry } from '@easydo/core/services/ipc/caller';
import { EventHub } from '@easydo/core/services/ipc/event-hub';
import { CHANNEL_NAMES } from '@easydo/core/contract/channels';

describe('browser shell guards', () => {
  it('binds loopback only', () => {
    for (const ok of ['127.0.0.1', '127.0.0.2', 'localhost', '::1']) expect(() => assertLoopbackHost(ok)).not.toThrow();
    for (const bad of ['0.0.0.0', '192.168.1.10', '::', 'example.org', '10.0.0.1']) expect(() => assertLoopbackHost(bad)).toThrow(BrowserShellRefused);
  });

  it('knows a packaged build', () => {
    expect(isPackagedBuild({ EASYDO_PACKAGED: '1' })).toBe(true);
    expect(isPackagedBuild({}, '/opt/app/resources/app.asar')).toBe(true);
    expect(isPackagedBuild({}, '/work/main/node_modules/electron/dist/resources')).toBe(false);
  });

  it('refuses to start in a packaged build', async () => {
    process.env.EASYDO_PACKAGED = '1';
    try {
      await expect(startBrowserShell({ rendererDir: '/tmp', router: createRouter({ handlers: {} as HandlerTable }), hub: new EventHub(), modes: new ModeRegistry(), startMode: 'kiosk' })).rejects.toThrow(BrowserShellRefused);
    } finally {
      delete process.env.EASYDO_PACKAGED;
    }
  });
});

describe('browser shell server', () => {
  let shell: BrowserShell;
  const hub = new EventHub();
  const modes = new ModeRegistry();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><p>ok</p>');
  writeFileSync(path.join(os.tmpdir(), 'outside-secret.txt'), 'secret');

  beforeAll(async () => {
    const handlers = Object.fromEntries(CHANNEL_NAMES.map((c) => [c, () => { throw new Error('unused'); }])) as unknown as HandlerTable;
    handlers['service:state'] = () => ({ inService: true, canSubmit: true, canReadCard: true, canPrint: true, reasons: [], manual: null });
    shell = await startBrowserShell({ rendererDir: dir, router: createRouter({ handlers }), hub, modes, startMode: 'kiosk' });
  });
  afterAll(() => shell.close());

  it('serves the renderer with the CSP and never a file outside it', async () => {
    const base = `http://127.0.0.1:${shell.port}`;
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${base}/..%2foutside-secret.txt`)).status).not.toBe(200);
    expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).status).not.toBe(200);
  });

  it('opens the bridge only with the secret and the same origin, and pushes events by mode', async () => {
    const url = new URL(shell.url);
    const origin = `http://127.0.0.1:${shell.port}`;
    const denied = (u: string, o: string) => new Promise<boolean>((resolve) => {
      const ws = new WebSocket(u, { headers: { origin: o } });
      ws.on('open', () => (ws.close(), resolve(false)));
      ws.on('error', () => resolve(true));
    });
    expect(await denied(`ws://${url.host}/bridge?k=nope`, origin)).toBe(true);
    expect(await denied(`ws://${url.host}/bridge?k=${url.searchParams.get('k')}`, 'http://evil.example')).toBe(true);

    const ws = new WebSocket(`ws://${url.host}/bridge?k=${url.searchParams.get('k')}`, { headers: { origin } });
    const messages: Array<{ id?: number; event?: string; result?: unknown }> = [];
    ws.on('message', (d) => messages.push(JSON.parse(String(d))));
    await new Promise((r) => ws.on('open', r));
    ws.send('not json');
    ws.send(JSON.stringify({ id: 7, channel: 'service:state', payload: {} }));
    await new Promise((r) => setTimeout(r, 100));
    hub.emit('device:changed', { id: 'x', kind: 'idReader', status: 'online', required: true, capabilities: {}, counters: {}, detail: {}, lastError: null, alerts: [] });
    hub.emit('card:removed', {});
    await new Promise((r) => setTimeout(r, 100));
    expect(messages.find((m) => m.id === 7)?.result).toMatchObject({ ok: true });
    expect(messages.some((m) => m.event === 'card:removed')).toBe(true);
    expect(messages.some((m) => m.event === 'device:changed')).toBe(false); // admin-only event
    ws.close();
  });
});
