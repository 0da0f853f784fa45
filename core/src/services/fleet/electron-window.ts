// The fleet's window port for the Electron shell, with Electron's objects injected (core never imports electron):
// reloadRenderer reloads the terminal window, restartApp relaunches the app (the supervisor's usual path), and
// screenshot is webContents.capturePage as PNG. The browser shell attaches no window port, so the agent answers
// those commands `unsupported` there.
import type { FleetWindowPort } from './ports';

export interface CapturableWindow {
  isDestroyed(): boolean;
  webContents: {
    reload(): void;
    capturePage(): Promise<{ toPNG(): Uint8Array; isEmpty(): boolean }>;
  };
}

export interface ElectronWindowPortInput {
  /** The resident- or clerk-facing terminal window right now (it may have been re-opened). */
  window(): CapturableWindow | null;
  /** Relaunch the app (Electron: app.relaunch() then a clean quit). */
  relaunch(): void;
}

export function electronWindowPort(input: ElectronWindowPortInput): FleetWindowPort {
  const live = () => {
    const win = input.window();
    if (!win || win.isDestroyed()) throw new Error('the terminal window is not open');
    return win;
  };
  return {
    reloadRenderer: async () => live().webContents.reload(),
    restartApp: async () => input.relaunch(),
    screenshot: async () => {
      const image = await live().webContents.capturePage();
      if (image.isEmpty()) throw new Error('the window gave an empty capture (hidden or not painted yet)');
      return image.toPNG();
    },
  };
}
