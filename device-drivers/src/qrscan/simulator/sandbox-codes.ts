// Asks the development sandbox for a dynamic identity code of a synthetic resident (its developer route, see
// backend-client/sandbox), so the simulated imager can show it. Plain fetch: the drivers import nothing of ours.
export async function fetchSandboxIdentityCode(baseUrl: string, residentId: string, kind = 'ctid', spoil?: 'expired' | 'used' | 'revoked'): Promise<string> {
  const res = await fetch(new URL('/dev/identity-codes', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ residentId, kind, ...(spoil ? { spoil } : {}) }),
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) throw new Error(`the sandbox refused a code for ${residentId} (HTTP ${res.status})`);
  const body = (await res.json()) as { code?: unknown };
  if (typeof body.code !== 'string' || body.code.length === 0 || body.code.length > 2048) throw new Error('the sandbox answered without a code');
  return body.code;
}
