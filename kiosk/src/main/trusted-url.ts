// The only place that decides whether a URL belongs to the app. Parsed with URL, compared by origin:
// never by string prefix (which lookalike hosts and userinfo tricks defeat).

/** WHATWG URL gives custom schemes (app://) the opaque origin "null"; for those compare scheme + host. */
export function originOf(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  if (url.origin !== 'null') return url.origin;
  return url.host ? `${url.protocol}//${url.host}` : null;
}

export function isTrustedUrl(candidate: string, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(candidate);
  return origin !== null && trustedOrigins.includes(origin);
}
