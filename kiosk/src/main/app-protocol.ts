// Serves the built renderer under app://terminal/ (a custom protocol instead of file://, per Electron's
// security guide), with the production CSP on every response. Only files inside the renderer folder.
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy } from './csp';

export const APP_ORIGIN = 'app://terminal';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** The decoded path of an app:// URL of our origin; 'foreign' for another origin, 'malformed' when it does not parse. */
function appPathOf(url: string): string | 'foreign' | 'malformed' {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'malformed';
  }
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return 'foreign';
  try {
    return decodeURIComponent(parsed.pathname === '/' ? '/index.html' : parsed.pathname);
  } catch {
    return 'malformed'; // e.g. app://terminal/% : that request fails, the app does not
  }
}

/** Maps an app:// URL to a file under `root`, or null when it would escape it, is foreign or does not parse. */
export function resolveAppFile(url: string, root: string): string | null {
  const rel = appPathOf(url);
  if (rel === 'foreign' || rel === 'malformed') return null;
  const file = path.resolve(root, '.' + rel);
  return file.startsWith(path.resolve(root) + path.sep) ? file : null;
}

export async function appProtocolResponse(url: string, root: string): Promise<Response> {
  const headers = { 'content-security-policy': contentSecurityPolicy() };
  if (appPathOf(url) === 'malformed') return new Response('Bad request', { status: 400, headers });
  const file = resolveAppFile(url, root);
  if (!file) return new Response('Forbidden', { status: 403, headers });
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': contentSecurityPolicy() },
    });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
}
