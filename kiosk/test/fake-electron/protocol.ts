// Messages between a test (or the smoke runner) and the fake `electron` inside the child process that runs the real
// Electron main bundle. Node's fork IPC channel carries them (structured clone of plain data).

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  id: number;
  webContentsId: number;
  url: string;
  bounds: Rect;
  kiosk: boolean;
  fullscreen: boolean;
  visible: boolean;
  destroyed: boolean;
  title: string;
  webPreferences: Record<string, unknown>;
}

export interface FakeState {
  ready: boolean;
  packaged: boolean;
  windows: WindowState[];
  powerSaveBlockers: string[];
  applicationMenu: 'null' | 'set' | 'default';
  privilegedSchemes: string[];
  singleInstanceLock: boolean;
  ipcChannels: string[];
}

/** What the fake reports as it happens, in order. */
export type FakeReport =
  | { type: 'ready' }
  | { type: 'window-created'; window: WindowState }
  | { type: 'window-closed'; windowId: number; webContentsId: number }
  | { type: 'load'; webContentsId: number; url: string; status: number | null; error?: string }
  | { type: 'reload'; webContentsId: number }
  | { type: 'sent'; webContentsId: number; channel: string; args: unknown[] }
  | { type: 'quit' }
  | { type: 'exit'; code: number }
  | { type: 'reply'; requestId: number; ok: true; value: unknown }
  | { type: 'reply'; requestId: number; ok: false; error: string };

/** What a test may ask of the fake. Every command is answered by one `reply` with its requestId. */
export type FakeCommand =
  | { type: 'state' }
  /** ipcRenderer.invoke as this webContents, from a frame at frameUrl (default: the page it shows). */
  | { type: 'invoke'; webContentsId: number; channel: string; payload: unknown; frameUrl?: string }
  /** The renderer process died (render-process-gone with this reason: crashed, oom, killed, clean-exit…). */
  | { type: 'crash'; webContentsId: number; reason: string }
  /** The window stopped responding (BrowserWindow 'unresponsive'). */
  | { type: 'unresponsive'; windowId: number }
  /** The user (or a window manager) asks the window to close: 'close' is emitted and may be prevented. */
  | { type: 'close'; windowId: number }
  /** A request through a session's registered protocol handler. */
  | { type: 'fetch'; partition: string; url: string }
  /** A permission request (setPermissionRequestHandler) from this webContents; without a handler Electron grants. */
  | { type: 'permission'; webContentsId: number; permission: string; requestingUrl: string; mediaTypes?: string[] }
  /** A key press before the page sees it (before-input-event); answers whether main prevented it. */
  | { type: 'key'; webContentsId: number; key: string; control?: boolean; alt?: boolean; shift?: boolean; meta?: boolean }
  /** Renderer-initiated navigation (will-navigate); answers whether main prevented it. */
  | { type: 'navigate'; webContentsId: number; url: string }
  | { type: 'quit' };

export type FakeCommandMessage = FakeCommand & { requestId: number };
