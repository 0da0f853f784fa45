// The console's REST API as the web app sees it (shapes of fleet/openapi.yaml). Same origin; the session cookie
// travels by itself (HttpOnly: this code never sees it).
export type Colour = 'red' | 'yellow' | 'green';

export interface Operator {
  username: string;
  role: 'street' | 'city';
  district: string | null;
  street: string | null;
}

export interface TerminalSummary {
  terminalId: string;
  online: boolean;
  service: 'inService' | 'outOfService' | 'draining';
  serviceReason: string | null;
  version: string;
  configVersion: string;
  mode: 'kiosk' | 'counter';
  district: string;
  street: string;
  centre: string;
  lastHeartbeatAt: string | null;
  silentSeconds: number | null;
  colour: Colour;
  reasons: string[];
  outboxDepth: number | null;
}

export interface TerminalGroup {
  district: string;
  street: string;
  centre: string;
  colour: Colour;
  counts: Record<Colour, number>;
  terminals: TerminalSummary[];
}

export interface TerminalList {
  at: string;
  total: number;
  counts: Record<Colour, number>;
  groups: TerminalGroup[];
}

export interface AlertItem {
  terminalId: string;
  alertId: string;
  at: string;
  receivedAt: string;
  severity: 'info' | 'warning' | 'critical';
  code: string;
  device: string | null;
  clearedAt: string | null;
  ackedBy: string | null;
  ackedAt: string | null;
}

export type CommandName = 'drain' | 'outOfService' | 'inService' | 'reloadRenderer' | 'restartApp' | 'configPush' | 'logBundle' | 'screenshot';
export type CommandStatus = 'pending' | 'sent' | 'received' | 'done' | 'refused' | 'failed' | 'expired' | 'unsupported';

export interface CommandItem {
  commandId: string;
  terminalId: string;
  name: CommandName;
  args: Record<string, unknown>;
  issuedBy: string;
  issuedAt: string;
  expiresAt: string;
  status: CommandStatus;
  reason: string | null;
  result: Record<string, unknown> | null;
  updatedAt: string;
  actionId: string | null;
}

export interface Device {
  id: string;
  kind: string;
  status: string;
  required: boolean;
  fault: string | null;
  alerts: string[];
}

export interface TerminalDetail {
  terminal: TerminalSummary;
  stateAt: string;
  heartbeatIntervalSeconds: number | null;
  devices: Device[];
  alerts: AlertItem[];
  commands: CommandItem[];
}

export interface HistoryPoint {
  at: string;
  outboxDepth: number;
  devices: Record<string, string>;
  cpuLoad1m: number;
  memoryFreeBytes: number;
}

export interface ActionStatus {
  actionId: string;
  name: CommandName;
  issuedBy: string;
  issuedAt: string;
  total: number;
  ratePerSecond: number;
  counts: Record<CommandStatus, number>;
}

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
