// The path and query of an incoming request, or null when the request target is not an origin-form path we can
// parse (`//`, `/%`, absolute or authority forms). Malformed input is that request's problem, never the shell's.
export interface RequestTarget {
  pathname: string;
  searchParams: URLSearchParams;
}

export function parseRequestTarget(target: string | undefined): RequestTarget | null {
  if (!target?.startsWith('/')) return null;
  let url: URL;
  try {
    // Prefixing the origin keeps `//host/x` a path instead of a protocol-relative URL.
    url = new URL(`http://127.0.0.1${target}`);
  } catch {
    return null;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  return { pathname, searchParams: url.searchParams };
}
