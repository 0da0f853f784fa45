// BrowserWindow, webContents and ipcMain. Loading a URL goes through the window session's protocol handler (so the
// real app:// handler serves the real renderer folder), `send` structured-clones like Electron's IPC, and the
// crash events (render-process-gone, unresponsive) are raised by the test through the control channel.
import { EventEmitter } from 'node:events';
import { fakeEvent, report, requireReady } from './runtime';
import { session, type FakeSession } from './session';
import { displayAt, screen } from './system';
import type { Rect, WindowState } from './protocol';

type WindowOptions = {
  x?: number; y?: number; width?: number; height?: number; title?: string; show?: boolean;
  kiosk?: boolean; fullscreen?: boolean; webPreferences?: Record<string, unknown>;
} & Record<string, unknown>;

/** What the fake's capturePage paints (a 1×1 PNG): tests compare uploads with it. */
export const FAKE_CAPTURE_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const allContents = new Map<number, FakeWebContents>();
let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly session: FakeSession;
  private url = '';
  private destroyed = false;
  private crashed = false;
  private loadedOnce = false;
  private navigations = 0;
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;

  constructor(
    readonly owner: FakeBrowserWindow,
    readonly webPreferences: Record<string, unknown>,
  ) {
    super();
    const partition = typeof webPreferences.partition === 'string' ? webPreferences.partition : '';
    this.session = session.fromPartition(partition);
    allContents.set(this.id, this);
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    // Electron serialises IPC arguments with the structured clone algorithm: functions or classes fail here.
    const cloned = structuredClone(args);
    report({ type: 'sent', webContentsId: this.id, channel, args: cloned });
  }

  async loadURL(url: string): Promise<void> {
    if (this.destroyed) throw new Error('Object has been destroyed');
    // As in Electron, a newer navigation aborts one still in flight (its promise rejects with ERR_ABORTED), so a
    // slow reload can never land on top of the page loaded after it.
    const navigation = ++this.navigations;
    this.crashed = false;
    this.emit('did-start-loading');
    let status: number | null = null;
    let error: string | undefined;
    try {
      if (url.startsWith('data:')) status = 200;
      else {
        const response = await this.session.fetch(url);
        if (!response) error = 'ERR_UNKNOWN_URL_SCHEME';
        else status = response.status;
      }
    } catch (e) {
      error = `ERR_FAILED (${e instanceof Error ? e.message : String(e)})`;
    }
    if (this.destroyed) return;
    if (navigation !== this.navigations) {
      this.emit('did-fail-load', fakeEvent(), -3, 'ERR_ABORTED', url, true);
      throw new Error(`ERR_ABORTED (-3) loading '${url}'`);
    }
    report({ type: 'load', webContentsId: this.id, url, status, ...(error ? { error } : {}) });
    if (error) {
      this.emit('did-fail-load', fakeEvent(), -302, error, url, true);
      throw new Error(`${error} loading '${url}'`);
    }
    this.url = url;
    this.emit('did-navigate', fakeEvent(), url, status, 'OK');
    this.emit('dom-ready', fakeEvent());
    this.emit('did-finish-load');
    if (!this.loadedOnce) {
      this.loadedOnce = true;
      this.owner.emit('ready-to-show', fakeEvent());
    }
  }

  /** Electron's capturePage: a NativeImage-like; the fake paints a fixed 1×1 PNG (empty before the first load). */
  async capturePage(): Promise<{ toPNG(): Buffer; isEmpty(): boolean }> {
    const painted = this.loadedOnce && !this.crashed;
    return { toPNG: () => (painted ? Buffer.from(FAKE_CAPTURE_PNG, 'base64') : Buffer.alloc(0)), isEmpty: () => !painted };
  }

  reload(): void {
    if (this.destroyed) return;
    report({ type: 'reload', webContentsId: this.id });
    void this.loadURL(this.url).catch(() => undefined);
  }

  getURL(): string {
    return this.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isCrashed(): boolean {
    return this.crashed;
  }

  isLoading(): boolean {
    return false;
  }

  focus(): void {}

  openDevTools(): void {
    // With webPreferences.devTools false, Electron does not open them.
  }

  isDevToolsOpened(): boolean {
    return false;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  /** The renderer process is killed: render-process-gone follows, as in Electron. */
  forcefullyCrashRenderer(): void {
    setImmediate(() => this.renderProcessGone('killed'));
  }

  renderProcessGone(reason: string): void {
    if (this.destroyed) return;
    this.crashed = reason !== 'clean-exit';
    this.emit('render-process-gone', fakeEvent(), { reason, exitCode: reason === 'clean-exit' ? 0 : 139 });
  }

  destroyForWindow(): void {
    this.destroyed = true;
    allContents.delete(this.id);
    this.emit('destroyed');
  }
}

const allWindows = new Map<number, FakeBrowserWindow>();
let nextWindowId = 1;
let focused: FakeBrowserWindow | null = null;
let allClosedHook: () => void = () => undefined;

function setFocused(window: FakeBrowserWindow | null): void {
  focused = window;
}

/** app.ts decides what "all windows closed" means (window-all-closed or quit). */
export function onLastWindowClosed(hook: () => void): void {
  allClosedHook = hook;
}

export class FakeBrowserWindow extends EventEmitter {
  readonly id = nextWindowId++;
  readonly webContents: FakeWebContents;
  private bounds: Rect;
  private kiosk: boolean;
  private fullscreen: boolean;
  private visible: boolean;
  private destroyed = false;
  private title: string;

  constructor(options: WindowOptions = {}) {
    super();
    requireReady('BrowserWindow');
    this.title = options.title ?? 'Electron';
    this.kiosk = options.kiosk === true;
    this.fullscreen = options.fullscreen === true || this.kiosk;
    this.visible = options.show !== false;
    const primary = screen.getPrimaryDisplay().bounds;
    const width = options.width ?? 800;
    const height = options.height ?? 600;
    this.bounds = {
      x: options.x ?? primary.x + Math.max(0, Math.floor((primary.width - width) / 2)),
      y: options.y ?? primary.y + Math.max(0, Math.floor((primary.height - height) / 2)),
      width,
      height,
    };
    this.webContents = new FakeWebContents(this, { ...(options.webPreferences ?? {}) });
    allWindows.set(this.id, this);
    report({ type: 'window-created', window: this.state() });
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return [...allWindows.values()];
  }

  static fromWebContents(contents: FakeWebContents): FakeBrowserWindow | null {
    return [...allWindows.values()].find((w) => w.webContents === contents) ?? null;
  }

  static fromId(id: number): FakeBrowserWindow | null {
    return allWindows.get(id) ?? null;
  }

  static getFocusedWindow(): FakeBrowserWindow | null {
    return focused;
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  /** Asks to close: 'close' may be prevented; otherwise the window is destroyed and 'closed' follows. */
  close(): void {
    if (this.destroyed) return;
    const event = fakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    allWindows.delete(this.id);
    if (focused === this) focused = null;
    this.webContents.destroyForWindow();
    report({ type: 'window-closed', windowId: this.id, webContentsId: this.webContents.id });
    this.emit('closed');
    if (allWindows.size === 0) allClosedHook();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  show(): void {
    this.visible = true;
    this.emit('show');
  }

  hide(): void {
    this.visible = false;
  }

  isVisible(): boolean {
    return this.visible;
  }

  focus(): void {
    setFocused(this);
    this.emit('focus');
  }

  setKiosk(flag: boolean): void {
    this.kiosk = flag;
    this.fullscreen = flag;
  }

  isKiosk(): boolean {
    return this.kiosk;
  }

  setFullScreen(flag: boolean): void {
    this.fullscreen = flag;
  }

  isFullScreen(): boolean {
    return this.fullscreen;
  }

  /** A full-screen (or kiosk) window covers the display it is on, as the window manager makes it. */
  getBounds(): Rect {
    if (this.fullscreen) return { ...displayAt(this.bounds.x, this.bounds.y).bounds };
    return { ...this.bounds };
  }

  setBounds(bounds: Partial<Rect>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string): void {
    this.title = title;
  }

  setMenuBarVisibility(): void {}
  removeMenu(): void {}
  setAlwaysOnTop(): void {}

  state(): WindowState {
    return {
      id: this.id,
      webContentsId: this.webContents.id,
      url: this.webContents.getURL(),
      bounds: this.getBounds(),
      kiosk: this.kiosk,
      fullscreen: this.fullscreen,
      visible: this.visible,
      destroyed: this.destroyed,
      title: this.title,
      webPreferences: structuredClone(this.webContents.webPreferences),
    };
  }
}

export const webContents = {
  fromId: (id: number): FakeWebContents | undefined => allContents.get(id),
  getAllWebContents: (): FakeWebContents[] => [...allContents.values()],
  getFocusedWebContents: (): FakeWebContents | null => focused?.webContents ?? null,
};

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  private readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return handler(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  channels(): string[] {
    return [...this.handlers.keys()];
  }

  /** ipcRenderer.invoke from `contents`, in a frame at frameUrl: arguments and answer are structured-cloned. */
  async invokeFrom(contents: FakeWebContents, channel: string, payload: unknown, frameUrl: string): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const event = { sender: contents, senderFrame: { url: frameUrl, origin: originOf(frameUrl), routingId: 1 }, frameId: 1, processId: 1, type: 'frame' };
    try {
      return structuredClone(await handler(event, structuredClone(payload)));
    } catch (e) {
      throw new Error(`Error invoking remote method '${channel}': ${String(e)}`);
    }
  }
}

function originOf(url: string): string {
  try {
    const u = new URL(url);
    return u.origin === 'null' ? `${u.protocol}//${u.host}` : u.origin;
  } catch {
    return 'null';
  }
}

export const ipcMain = new FakeIpcMain();
