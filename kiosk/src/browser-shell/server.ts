// The browser shell: the same composition root and services as Electron, the built renderer served on
// 127.0.0.1, and window.terminal bridged over a same-origin WebSocket guarded by a per-run secret.
import { createServer, type Server } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Mode } from '@easydo/core/contract/modes';
import type { Router } from '@easydo/core/services/ipc/router';
import type { ModeRegistry } from '@easydo/core/services/ipc/caller';
import type { EventHub } from '@easydo/core/services/ipc/event-hub';
import { contentSecurityPolicy } from '../main/csp';
import { WindowHost, type AdminSessions } from '../main/window-host';
import { assertLoopbackHost, BrowserShellRefused, isPackagedBuild } from './loopback';
import { BridgeRequest, MAX_MESSAGE_BYTES, type BridgeOutgoing } from './bridge-protocol';
import { createStaticHandler } from './static-files';
import { parseRequestTarget } from './request-url';

export interface BrowserShellOptions {
  host?: string;
  port?: number;
  rendererDir: string;
  router: Router;
  hub: EventHub;
  modes: ModeRegistry;
  /** The admin gate: an admin whose page goes away is logged out (the terminal leaves maintenance). */
  admin?: AdminSessions;
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
  const server: Server = createServer((req, res) => {
    serveStatic(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const windowHost = new WindowHost({ router: options.router, hub: options.hub, modes: options.modes, ...(options.admin ? { admin: options.admin } : {}) });
  let nextWindow = 0;

  server.on('upgrade', (req, socket, head) => {
    // A socket that errors before or during the handshake is that client's problem only.
    socket.on('error', () => socket.destroy());
    const target = parseRequestTarget(req.url);
    const origin = req.headers.origin ?? '';
    const expectedOrigin = `http://${host}:${(server.address() as AddressInfo).port}`;
    const key = target?.searchParams.get('k') ?? '';
    if (!target || target.pathname !== '/bridge' || origin !== expectedOrigin || !sameSecret(key, secret)) {
      socket.end(target ? 'HTTP/1.1 403 Forbidden\r\n\r\n' : 'HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const entry: Mode = target.searchParams.get('page') === 'display' ? 'display' : options.startMode;
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, entry));
  });

  // The WebSocket adapter of the window host: one socket is one window; it only moves JSON.
  function attach(ws: WebSocket, entry: Mode): void {
    const send = (message: BridgeOutgoing) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const window = windowHost.open(`ws-${++nextWindow}`, entry, { send: (event, payload) => send({ event, payload }) });
    // Oversized frames (1009), invalid UTF-8 (1007) and other protocol errors arrive here after ws has begun
    // closing that socket with the right code; without this listener the error would end the whole shell.
    ws.on('error', () => undefined);
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let parsed;
      try {
        parsed = BridgeRequest.safeParse(JSON.parse(String(data)));
      } catch {
        parsed = null;
      }
      if (!parsed?.success) return; // Not ours: nothing to answer to.
      const { id, channel, payload } = parsed.data;
      window.invoke(channel, payload).then(
        (result) => send({ id, result }),
        () => send({ id, result: { ok: false, error: { code: 'internal', message: 'Internal error' } } }),
      );
    });
    ws.on('close', () => window.close());
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
      windowHost.dispose();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
