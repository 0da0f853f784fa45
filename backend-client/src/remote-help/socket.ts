// The terminal's end of the platform's remote-help signalling: one WebSocket, its upgrade signed like any API
// request, every frame validated against messages.ts in both directions. It reconnects with back-off while open;
// a call in progress does not survive a drop (the hub ends it as `network`), so the owner is told `down`.
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { SIGNATURE_HEADERS as H, signatureHeaders } from '../signing';
import { ClientMessage, MAX_MESSAGE_BYTES, REMOTE_HELP_PATH, ServerMessage, parseFrame } from './messages';

export interface RemoteHelpSocketOptions {
  baseUrl: string;
  terminalId: string;
  secret: string;
  onMessage(message: ServerMessage): void;
  onState?(state: 'up' | 'down'): void;
  /** First reconnect delay (doubles to 30 s). */
  retryMs?: number;
}

export class RemoteHelpSocketError extends Error {
  constructor(readonly code: 'not_connected' | 'bad_message', message: string) {
    super(message);
    this.name = 'RemoteHelpSocketError';
  }
}

export interface RemoteHelpSocket {
  readonly connected: boolean;
  /** Resolves once the platform said `ready` (or rejects after timeoutMs). */
  ready(timeoutMs?: number): Promise<void>;
  send(message: ClientMessage): void;
  /** Cut the line (tests: a network drop); it reconnects by itself. */
  drop(): void;
  close(): void;
}

export function socketUrl(baseUrl: string): string {
  const u = new URL(baseUrl.replace(/\/+$/, '') + REMOTE_HELP_PATH);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString();
}

/** The upgrade request's authentication: a GET of the socket path with an empty body, signed like any request. */
export function signedUpgradeHeaders(path: string, terminalId: string, secret: string): Record<string, string> {
  const timestamp = String(Date.now());
  const nonce = randomBytes(16).toString('base64url');
  return {
    [H.terminalId]: terminalId,
    [H.timestamp]: timestamp,
    [H.nonce]: nonce,
    ...signatureHeaders(secret, { method: 'GET', path, timestamp, nonce, terminalId, headers: {}, body: new Uint8Array() }),
  };
}

export function openRemoteHelpSocket(options: RemoteHelpSocketOptions): RemoteHelpSocket {
  const url = socketUrl(options.baseUrl);
  const path = new URL(url).pathname;
  let ws: WebSocket | null = null;
  let isReady = false;
  let closed = false;
  let delay = options.retryMs ?? 500;
  let timer: NodeJS.Timeout | null = null;
  const waiters = new Set<() => void>();

  const connect = () => {
    const headers = signedUpgradeHeaders(path, options.terminalId, options.secret);
    const socket = new WebSocket(url, { headers, maxPayload: MAX_MESSAGE_BYTES, handshakeTimeout: 10_000 });
    ws = socket;
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      const msg = parseFrame(ServerMessage, data.toString('utf8'));
      if (!msg) return; // a platform that speaks something else: ignored, never trusted
      if (msg.type === 'ready') {
        isReady = true;
        delay = options.retryMs ?? 500;
        options.onState?.('up');
        for (const w of waiters) w();
        waiters.clear();
      }
      options.onMessage(msg);
    });
    socket.on('close', () => {
      const wasReady = isReady;
      isReady = false;
      if (ws === socket) ws = null;
      if (wasReady) options.onState?.('down');
      if (!closed) {
        timer = setTimeout(connect, delay);
        delay = Math.min(delay * 2, 30_000);
      }
    });
    socket.on('error', () => undefined); // 'close' follows
  };
  connect();

  return {
    get connected() {
      return isReady;
    },
    ready: (timeoutMs = 10_000) => isReady ? Promise.resolve() : new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => {
        waiters.delete(done);
        reject(new RemoteHelpSocketError('not_connected', 'remote-help platform not reachable'));
      }, timeoutMs);
      const done = () => {
        clearTimeout(t);
        resolve();
      };
      waiters.add(done);
    }),
    send(message) {
      const checked = ClientMessage.safeParse(message);
      if (!checked.success) throw new RemoteHelpSocketError('bad_message', 'message does not match the remote-help protocol');
      if (!ws || !isReady) throw new RemoteHelpSocketError('not_connected', 'remote-help platform not connected');
      ws.send(JSON.stringify(checked.data));
    },
    drop: () => ws?.terminate(),
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      ws?.terminate();
    },
  };
}
