// The Electron window port with a fake window: reload, relaunch and capturePage reach the injected objects, and a
// closed window or an empty capture is an error (the command fails with a reason), not a blank upload.
import { describe, expect, it } from 'vitest';
import { electronWindowPort, type CapturableWindow } from '@easydo/core/services/fleet/electron-window';

function fakeWindow(png: Uint8Array, empty = false) {
  const calls: string[] = [];
  let destroyed = false;
  const win: CapturableWindow = {
    isDestroyed: () => destroyed,
    webContents: {
      reload: () => calls.push('reload'),
      capturePage: async () => ({ toPNG: () => png, isEmpty: () => empty }),
    },
  };
  return { win, calls, destroy: () => (destroyed = true) };
}

describe('electronWindowPort', () => {
  it('reloads, relaunches and captures the terminal window', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const { win, calls } = fakeWindow(png);
    let relaunched = 0;
    const port = electronWindowPort({ window: () => win, relaunch: () => (relaunched += 1) });
    await port.reloadRenderer();
    await port.restartApp();
    expect(calls).toEqual(['reload']);
    expect(relaunched).toBe(1);
    expect(await port.screenshot!()).toBe(png);
  });

  it('refuses a closed window and an empty capture', async () => {
    const closed = fakeWindow(new Uint8Array());
    closed.destroy();
    await expect(electronWindowPort({ window: () => closed.win, relaunch: () => undefined }).screenshot!()).rejects.toThrow(/not open/);
    await expect(electronWindowPort({ window: () => null, relaunch: () => undefined }).reloadRenderer()).rejects.toThrow(/not open/);
    const blank = fakeWindow(new Uint8Array(), true);
    await expect(electronWindowPort({ window: () => blank.win, relaunch: () => undefined }).screenshot!()).rejects.toThrow(/empty/);
  });
});
