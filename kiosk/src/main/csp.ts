// Content Security Policy for the renderer, in Electron (response header) and in the browser shell alike.
// Scripts only from our origin; no eval; media only from the local camera; connections only to our origin
// (the browser shell's WebSocket bridge is same-origin).
export function contentSecurityPolicy(options: { allowWebSocket?: string } = {}): string {
  const connect = ["'self'", options.allowWebSocket].filter(Boolean).join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    `connect-src ${connect}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
