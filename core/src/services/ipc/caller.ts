// The mode of each window is held here, in main. The renderer can ask to change it only through handlers that
// authenticate (admin:login), never by claiming a mode in a payload.
import type { Mode } from '@easydo/core/contract/modes';

export interface CallerContext {
  readonly windowId: string;
  mode(): Mode;
}

export class ModeRegistry {
  private readonly modes = new Map<string, { start: Mode; current: Mode; entry: Mode }>();
  private readonly listeners = new Set<(windowId: string, mode: Mode) => void>();
  private readonly capturing = new Set<string>();
  private readonly calling = new Set<string>();

  /**
   * `entry` is what the window was opened for. It differs from `start` for `--mode admin`: the window starts
   * with kiosk rights and shows the admin PIN entry; only admin:login raises it to admin.
   */
  register(windowId: string, start: Mode, entry: Mode = start): CallerContext {
    this.modes.set(windowId, { start, current: start, entry });
    return { windowId, mode: () => this.get(windowId) };
  }

  unregister(windowId: string): void {
    this.modes.delete(windowId);
    this.capturing.delete(windowId);
    this.calling.delete(windowId);
  }

  get(windowId: string): Mode {
    const entry = this.modes.get(windowId);
    if (!entry) throw new Error(`unknown window ${windowId}`);
    return entry.current;
  }

  entryOf(windowId: string): Mode {
    return this.modes.get(windowId)?.entry ?? 'kiosk';
  }

  startMode(windowId: string): Mode {
    return this.modes.get(windowId)?.start ?? 'kiosk';
  }

  set(windowId: string, mode: Mode): void {
    const entry = this.modes.get(windowId);
    if (!entry) throw new Error(`unknown window ${windowId}`);
    entry.current = mode;
    for (const l of this.listeners) l(windowId, mode);
  }

  /** Back to the mode the window started in (e.g. admin logout). */
  reset(windowId: string): void {
    this.set(windowId, this.startMode(windowId));
  }

  /** Whether the window is showing a screen that legitimately uses the camera (capture, QR scan). */
  setCaptureActive(windowId: string, active: boolean): void {
    if (active) this.capturing.add(windowId);
    else this.capturing.delete(windowId);
  }

  captureActive(windowId: string): boolean {
    return this.capturing.has(windowId);
  }

  /** Whether the window shows the remote-help call screen (camera and microphone, only while it is open). */
  setCallActive(windowId: string, active: boolean): void {
    if (active) this.calling.add(windowId);
    else this.calling.delete(windowId);
  }

  callActive(windowId: string): boolean {
    return this.calling.has(windowId);
  }

  windows(): string[] {
    return [...this.modes.keys()];
  }

  onChange(listener: (windowId: string, mode: Mode) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
