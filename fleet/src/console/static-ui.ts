// Serves the built web app (fleet/dist-ui) with a strict CSP; unknown paths get index.html (client-side routes).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const UI_CSP = "default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export interface StaticFile {
  status: number;
  type: string;
  body: Buffer | string;
}

export async function uiFile(rootDir: string, pathname: string): Promise<StaticFile> {
  const root = path.resolve(rootDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400, type: 'text/plain', body: 'Bad request' };
  }
  const file = path.resolve(root, '.' + decoded);
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 403, type: 'text/plain', body: 'Forbidden' };
  const target = await stat(file).then((s) => (s.isFile() ? file : null), () => null);
  // Paths with an extension that do not exist are real 404s; everything else is a route of the app.
  if (!target && path.extname(decoded)) return { status: 404, type: 'text/plain', body: 'Not found' };
  const chosen = target ?? path.join(root, 'index.html');
  try {
    return { status: 200, type: TYPES[path.extname(chosen)] ?? 'application/octet-stream', body: await readFile(chosen) };
  } catch {
    return { status: 404, type: 'text/plain', body: 'The web app is not built: run `npx vite build --config fleet/vite.config.ts`' };
  }
}
