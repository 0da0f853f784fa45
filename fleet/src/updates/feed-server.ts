// A small update feed for tests, the rollout demo and a pilot: static files of the channels (signed manifests,
// packages, served with Range so downloads resume), the rollout control from the board, and POST /reports into the
// board. Loopback by default. `faults` lets a test cut one package download short or corrupt it in transit.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import type { RolloutBoard } from './rollout-board';

export interface FeedFaults {
  /** The next package response ends (socket destroyed) after this many bytes. */
  cutNextAfterBytes?: number;
  /** The next package response has one byte flipped at this offset. */
  flipNextAt?: number;
}

export interface FeedServer {
  url: string;
  faults: FeedFaults;
  /** Package requests seen, with their Range header. */
  packageRequests: Array<{ path: string; range: string | null }>;
  close(): Promise<void>;
}

const MAX_REPORT_BYTES = 4096;

export async function startFeedServer(o: { root: string; board: RolloutBoard; host?: string; port?: number }): Promise<FeedServer> {
  const faults: FeedFaults = {};
  const packageRequests: FeedServer['packageRequests'] = [];
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://feed');
    const rollout = /^\/channels\/([a-z0-9-]{1,32})\/rollout\.json$/.exec(url.pathname);
    if (req.method === 'GET' && rollout) {
      const doc = o.board.controlDocument();
      if (doc.channel !== rollout[1]) return void res.writeHead(404).end();
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
    }
    if (req.method === 'POST' && url.pathname === '/reports') {
      let body = '';
      for await (const chunk of req) {
        body += chunk;
        if (body.length > MAX_REPORT_BYTES) return void res.writeHead(413).end();
      }
      try {
        o.board.ingest(JSON.parse(body));
      } catch {
        return void res.writeHead(400).end();
      }
      return void res.writeHead(204).end();
    }
    if (req.method !== 'GET') return void res.writeHead(405).end();
    const file = normalize(join(o.root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(normalize(o.root) + sep)) return void res.writeHead(404).end();
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return void res.writeHead(404).end();
    const isPackage = file.endsWith('.deb');
    const range = req.headers.range ?? null;
    if (isPackage) packageRequests.push({ path: url.pathname, range });
    let start = 0;
    const m = range ? /^bytes=(\d+)-$/.exec(range) : null;
    if (m) start = Number(m[1]);
    if (start >= info.size && info.size > 0) return void res.writeHead(416, { 'content-range': `bytes */${info.size}` }).end();
    const headers: Record<string, string> = { 'content-length': String(info.size - start), 'accept-ranges': 'bytes' };
    if (m) headers['content-range'] = `bytes ${start}-${info.size - 1}/${info.size}`;
    res.writeHead(m ? 206 : 200, headers);
    const cut = isPackage ? faults.cutNextAfterBytes : undefined;
    const flip = isPackage ? faults.flipNextAt : undefined;
    if (isPackage) {
      delete faults.cutNextAfterBytes;
      delete faults.flipNextAt;
    }
    let sent = start;
    for await (const chunk of createReadStream(file, { start })) {
      let buf = chunk as Buffer;
      if (flip !== undefined && flip >= sent && flip < sent + buf.length) {
        buf = Buffer.from(buf);
        buf[flip - sent] = buf[flip - sent]! ^ 0xff;
      }
      if (cut !== undefined && sent + buf.length > start + cut) {
        // FIN, not RST: the client reads what was sent before it sees the response end short (a reset could
        // discard data still unread in its socket buffer, and then there is nothing to resume from).
        res.write(buf.subarray(0, start + cut - sent), () => res.socket?.end());
        return;
      }
      sent += buf.length;
      if (!res.write(buf)) await new Promise((r) => res.once('drain', r));
    }
    res.end();
  }

  await new Promise<void>((r) => server.listen(o.port ?? 0, o.host ?? '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    packageRequests,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
