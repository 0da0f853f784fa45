// The console's REST API as the web app calls it; its shapes are fleet/openapi.yaml's (src/api/types.ts). Same
// origin; the session cookie travels by itself (HttpOnly: this code never sees it).
import type { ActionStatus, AlertItem, CommandItem, CommandName, HistoryPoint, Operator, TerminalDetail, TerminalList } from '../api/types';

export type * from '../api/types';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** When a locked account opens again (423 only). */
    readonly lockedUntil: string | null = null,
  ) {
    super(message);
  }
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; lockedUntil?: string } };
  if (!res.ok) throw new ApiFailure(res.status, json.error?.code ?? 'internal', json.error?.message ?? res.statusText, json.error?.lockedUntil ?? null);
  return json as T;
}

export const api = {
  session: () => call<{ operator: Operator }>('GET', '/api/session'),
  signIn: (username: string, password: string) => call<{ operator: Operator }>('POST', '/api/session', { username, password }),
  signOut: () => call<void>('DELETE', '/api/session'),
  terminals: () => call<TerminalList>('GET', '/api/terminals'),
  terminal: (id: string) => call<TerminalDetail>('GET', `/api/terminals/${encodeURIComponent(id)}`),
  history: (id: string) => call<{ points: HistoryPoint[] }>('GET', `/api/terminals/${encodeURIComponent(id)}/history`),
  commands: (id: string) => call<{ commands: CommandItem[] }>('GET', `/api/terminals/${encodeURIComponent(id)}/commands`),
  command: (id: string, name: CommandName, args: Record<string, unknown> = {}) => call<CommandItem>('POST', `/api/terminals/${encodeURIComponent(id)}/commands`, { name, args }),
  alerts: () => call<{ alerts: AlertItem[] }>('GET', '/api/alerts?state=active'),
  ack: (a: AlertItem) => call<AlertItem>('POST', `/api/alerts/${encodeURIComponent(a.terminalId)}/${encodeURIComponent(a.alertId)}/ack`),
  action: (selection: { terminalIds?: string[]; district?: string; street?: string }, name: CommandName, args: Record<string, unknown> = {}) =>
    call<ActionStatus>('POST', '/api/actions', { selection, name, args }),
};
