// The browser shell: the same composition root and services as Electron, the built renderer served on
// 127.0.0.1, and window.terminal bridged over a same-origin WebSocket guarded by a per-run secret.
import { createServer, type Server } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Mode } from '@easydo/core/contract/modes';
import type { Router } from '@easydo/core/services/ipc/router';
import type { ModeRegistry } from '@easydo/core/services/ipc/caller';
import { deliverableTo, type EventHub } from '@easydo/core/services/ipc/event-hub';
import { contentSecurityPolicy } from '../main/csp';
import { assertLoopbackHost, BrowserShellRefused, isPackagedBuild } from './loopback';
import { BridgeRequest, MAX_MESSAGE_BYTES, type BridgeOutgoing } from './bridge-protocol';
import { createStaticHandler } from './static-files';

export interface BrowserShellOptions {
  host?: string;
  port?: number;
  rendererDir: string;
  router: Router;
  hub: EventHub;
  modes: ModeRegistry;
  /** Mode of an ordinary page; the /display page is always the resident-facing display. */
  startMode: Mode;
  secret?: string;
}

export interface BrowserShell {
  url: string;
  /** URL of the counter's resident-facing second page. */
  displayUrl: string;
  port: number;
  close(): Promise<void>;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  if (isPackagedBuild()) throw new BrowserShellRefused('The browser shell is refused in packaged builds');
  const host = options.host ?? '127.0.0.1';
  assertLoopbackHost(host);
  const secret = options.secret ?? randomBytes(24).toString('base64url');
  const serveStatic = createStaticHandler(options.rendererDir, contentSecurityPolicy());
  const server: Server = createServer((req, res) => void serveStatic(req, res));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  let nextWindow = 0;

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const origin = req.headers.origin ?? '';
    const expectedOrigin = `http://${host}:${(server.address() as AddressInfo).port}`;
    const key = url.searchParams.get('k') ?? '';
    if (url.pathname !== '/bridge' || origin !== expectedOrigin || !sameSecret(key, secret)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    const display = url.searchParams.get('page') === 'display';
    const entry: Mode = display ? 'display' : options.startMode;
    // An admin window starts with kiosk rights: admin:login is the only way up.
    const mode: Mode = entry === 'admin' ? 'kiosk' : entry;
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, mode, entry));
  });

  function attach(ws: WebSocket, mode: Mode, entry: Mode): void {
    const windowId = `ws-${++nextWindow}`;
    const caller = options.modes.register(windowId, mode, entry);
    const send = (message: BridgeOutgoing) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const unsubscribe = options.hub.subscribe((name, payload) => {
      if (deliverableTo(name, options.modes.get(windowId))) send({ event: name, payload });
    });
    const offMode = options.modes.onChange((id, m) => {
      if (id === windowId) send({ event: 'mode:changed', payload: { mode: m } });
    });
    ws.on('message', async (data) => {
      let parsed;
      try {
        parsed = BridgeRequest.safeParse(JSON.parse(String(data)));
      } catch {
        parsed = null;
      }
      if (!parsed?.success) return; // Not ours: nothing to answer to.
      const result = await options.router.invoke(caller, parsed.data.channel, parsed.data.payload);
      send({ id: parsed.data.id, result });
    });
    ws.on('close', () => {
      unsubscribe();
      offMode();
      options.modes.unregister(windowId);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const base = `http://${host}:${port}`;
  return {
    url: `${base}/?k=${secret}`,
    displayUrl: `${base}/display?k=${secret}&page=display`,
    port,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
