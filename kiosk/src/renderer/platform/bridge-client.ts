// window.terminal for the browser shell: the contract over a same-origin WebSocket. The per-run secret comes
// in the page URL once and is removed from the address bar straight away. It is kept for the tab's life in
// sessionStorage (this origin and this tab only; a new tab or another origin never sees it), so a reload
// reconnects. The kiosk clears session storage whenever a visit ends, so the secret is written back as the page
// goes away (pagehide comes before the reload's new document reads it).
import type { TerminalApi } from '@easydo/core/contract/api';
import type { Result } from '@easydo/core/contract/errors';

type Pending = { resolve: (r: Result<unknown>) => void };

const SECRET_KEY = 'easydo.k';
const PAGE_KEY = 'easydo.page';

function keepForTab(name: string, value: string): void {
  try {
    if (value) sessionStorage.setItem(name, value);
  } catch {
    /* storage disabled: a reload then needs the URL again */
  }
}

function keptForTab(name: string): string | null {
  try {
    return sessionStorage.getItem(name);
  } catch {
    return null;
  }
}

export function createBridgeClient(location: Location, history: History, events: Pick<Window, 'addEventListener'> = window): TerminalApi {
  const params = new URLSearchParams(location.search);
  const key = params.get('k') ?? keptForTab(SECRET_KEY) ?? '';
  const page = params.get('page') ?? keptForTab(PAGE_KEY) ?? '';
  const keep = () => {
    keepForTab(SECRET_KEY, key);
    keepForTab(PAGE_KEY, page);
  };
  keep();
  events.addEventListener('pagehide', keep);
  history.replaceState(null, '', location.pathname + location.hash);

  const wsUrl = `ws://${location.host}/bridge?k=${encodeURIComponent(key)}${page ? `&page=${encodeURIComponent(page)}` : ''}`;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const queue: string[] = [];
  let nextId = 1;
  let ws: WebSocket;

  const connect = () => {
    ws = new WebSocket(wsUrl);
    ws.onopen = () => queue.splice(0).forEach((m) => ws.send(m));
    ws.onmessage = (e) => {
      const msg = JSON.parse(String(e.data)) as { id?: number; result?: Result<unknown>; event?: string; payload?: unknown };
      if (typeof msg.id === 'number') {
        pending.get(msg.id)?.resolve(msg.result as Result<unknown>);
        pending.delete(msg.id);
      } else if (msg.event) {
        listeners.get(msg.event)?.forEach((l) => l(msg.payload));
      }
    };
    ws.onclose = () => {
      for (const [id, p] of pending) {
        p.resolve({ ok: false, error: { code: 'internal', message: 'Connection to the terminal lost' } });
        pending.delete(id);
      }
      setTimeout(connect, 1000);
    };
  };
  connect();

  return {
    invoke(channel, request) {
      const id = nextId++;
      // structuredClone mirrors what contextBridge does in Electron: plain data only.
      const message = JSON.stringify({ id, channel, payload: structuredClone(request) });
      return new Promise((resolve) => {
        pending.set(id, { resolve: resolve as Pending['resolve'] });
        if (ws.readyState === WebSocket.OPEN) ws.send(message);
        else queue.push(message);
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = (p: unknown) => listener(p as never);
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}
