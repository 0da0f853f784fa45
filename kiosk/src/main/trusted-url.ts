// The only place that decides whether a URL belongs to the app. Parsed with URL, compared by origin:
// never by string prefix (which lookalike hosts and userinfo tricks defeat).
export function isTrustedUrl(candidate: string, trustedOrigins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return trustedOrigins.includes(url.origin) && url.origin !== 'null';
}
