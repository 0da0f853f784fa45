// One window host for both shells. Per window it owns everything the contract needs from a shell: the mode held
// in main (ModeRegistry), calls routed with that mode, the hub events the window's current mode may receive,
// `mode:changed` to that window alone, the capture-screen state, and the clean-up when it closes. Electron
// (ipcMain + webContents, ./ipc-adapter.ts) and the browser shell (WebSocket, ../browser-shell/server.ts) are thin
// adapters that only move messages, so every E2E test over the browser shell exercises what Electron runs.
// No `electron` import: this runs and is tested under plain Node.
import { events, type EventName } from '@easydo/core/contract/channels';
import type { Result } from '@easydo/core/contract/errors';
import type { Mode } from '@easydo/core/contract/modes';
import type { CallerContext, ModeRegistry } from '@easydo/core/services/ipc/caller';
import { deliverableTo, type EventHub } from '@easydo/core/services/ipc/event-hub';
import { Failure } from '@easydo/core/services/errors/failure';
import type { Router } from '@easydo/core/services/ipc/router';

/** What a shell provides per window: deliver one contract event (name + schema-checked payload) to it. */
export interface WindowSink {
  send(event: EventName, payload: unknown): void;
}

/** The admin gate, as far as the host needs it: an admin window that closes is logged out. */
export interface AdminSessions {
  isAdmin(windowId: string): boolean;
  waiting(): string[];
  logout(windowId: string): void;
}

export interface WindowHostOptions {
  router: Router;
  hub: EventHub;
  modes: ModeRegistry;
  admin?: AdminSessions;
  /** Delivery problems of one window (never thrown into the service that emitted the event). */
  warn?: (message: string, data: Record<string, unknown>) => void;
}

export interface HostedWindow {
  readonly id: string;
  /** What the window was opened for (`admin` opens with kiosk rights and the PIN pad). */
  readonly entry: Mode;
  readonly closed: boolean;
  mode(): Mode;
  /** Routes one call with the mode main holds for this window. Never throws; a closed window gets `forbidden`. */
  invoke(channel: unknown, payload: unknown): Promise<Result<unknown>>;
  /** The page was reloaded or its renderer replaced: what the old page claimed (a camera screen) no longer holds. */
  pageReset(): void;
  close(): void;
}

const WINDOW_CLOSED: Result<unknown> = { ok: false, error: { code: 'forbidden', message: 'The window has closed', reason: 'window-closed' } };

/** A window opened for admin starts with kiosk rights: admin:login is the only way up. */
export function startModeFor(entry: Mode): Mode {
  return entry === 'admin' ? 'kiosk' : entry;
}

interface Entry {
  window: HostedWindow;
  sink: WindowSink;
  /** The mode last announced to (or started in) the window, so a reset to the same mode sends nothing. */
  announced: Mode;
}

export class WindowHost {
  private readonly entries = new Map<string, Entry>();
  private readonly unsubscribe: Array<() => void>;

  constructor(private readonly options: WindowHostOptions) {
    this.unsubscribe = [
      options.hub.subscribe((name, payload) => {
        for (const entry of [...this.entries.values()]) {
          if (deliverableTo(name, entry.window.mode())) this.deliver(entry, name, payload);
        }
      }),
      options.modes.onChange((windowId, mode) => {
        const entry = this.entries.get(windowId);
        if (!entry || entry.window.closed || entry.announced === mode) return;
        entry.announced = mode;
        this.deliver(entry, 'mode:changed', events['mode:changed'].payload.parse({ mode }));
      }),
    ];
  }

  open(id: string, entry: Mode, sink: WindowSink): HostedWindow {
    if (this.entries.has(id)) throw new Error(`window ${id} is already open`);
    const { modes, router } = this.options;
    const start = startModeFor(entry);
    modes.register(id, start, entry);
    let closed = false;
    const caller: CallerContext = {
      windowId: id,
      mode: () => {
        // A call still in flight when its window closed: typed, not an internal error, and no rights left.
        if (closed) throw new Failure('forbidden', 'The window has closed', 'window-closed');
        return modes.get(id);
      },
    };
    const window: HostedWindow = {
      id,
      entry,
      get closed() {
        return closed;
      },
      mode: () => caller.mode(),
      invoke: async (channel, payload) => {
        if (closed) return WINDOW_CLOSED;
        try {
          return await router.invoke(caller, channel, payload);
        } catch (error) {
          if (error instanceof Failure) return { ok: false, error: error.toContractError() };
          throw error;
        }
      },
      pageReset: () => {
        if (!closed) {
          modes.setCaptureActive(id, false);
          modes.setCallActive(id, false);
        }
      },
      close: () => {
        if (closed) return;
        closed = true;
        this.entries.delete(id);
        const admin = this.options.admin;
        // An admin (or a PIN waiting for the resident to finish) leaves with its window, so the terminal does
        // not stay in maintenance with nobody at it.
        if (admin && (admin.isAdmin(id) || admin.waiting().includes(id))) admin.logout(id);
        modes.unregister(id);
      },
    };
    this.entries.set(id, { window, sink, announced: start });
    return window;
  }

  get(id: string): HostedWindow | undefined {
    return this.entries.get(id)?.window;
  }

  list(): HostedWindow[] {
    return [...this.entries.values()].map((e) => e.window);
  }

  /** Closes every window and stops listening to the hub and the registry. */
  dispose(): void {
    for (const entry of [...this.entries.values()]) entry.window.close();
    for (const off of this.unsubscribe) off();
  }

  private deliver(entry: Entry, name: EventName, payload: unknown): void {
    try {
      entry.sink.send(name, payload);
    } catch (error) {
      this.options.warn?.('event delivery failed', { windowId: entry.window.id, event: name, err: error });
    }
  }
}
