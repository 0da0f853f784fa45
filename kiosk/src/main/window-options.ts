// One factory for every window's options, so the security settings are in one place and unit-tested.
import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  preloadPath: string;
  production: boolean;
  /** Full-screen kiosk window (resident-facing); false for a staff window on a desktop. */
  kiosk: boolean;
  title?: string;
  /** Where the window goes: a kiosk window then covers the display these bounds lie on (the counter's second screen). */
  bounds?: { x: number; y: number; width: number; height: number };
}

export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: input.title ?? 'Easy-Do 易办事',
    ...(input.bounds ?? {}),
    kiosk: input.kiosk,
    fullscreen: input.kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    show: false,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !input.production,
      navigateOnDragDrop: false,
      // A fresh in-memory partition: nothing a resident did survives a restart (no persist: prefix).
      partition: 'easydo-terminal',
    },
  };
}
