// Builds the real Electron bundles and runs the preload in a VM with a fake `electron`, as Electron would in a
// sandboxed renderer: it must expose exactly window.terminal = { invoke, on } and pass only contract channels.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { CHANNEL_NAMES } from '@easydo/core/contract/channels';

const root = path.resolve(__dirname, '../../..');
const out = path.join(root, 'kiosk/out');

describe('electron bundles', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['kiosk/scripts/build-electron.mjs'], { cwd: root, stdio: 'pipe' });
  }, 120_000);

  it('writes a main bundle that keeps native modules and electron external', () => {
    const main = readFileSync(path.join(out, 'main.cjs'), 'utf8');
    expect(main).toContain('require("electron")');
    expect(main).toContain('require("better-sqlite3")');
    expect(existsSync(path.join(out, 'preload.cjs'))).toBe(true);
  });

  it('the preload exposes only the contract', async () => {
    const exposed: Record<string, unknown> = {};
    const invoke = vi.fn(async () => ({ ok: true, value: 'x' }));
    const on = vi.fn();
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
      ipcRenderer: { invoke, on, removeListener: vi.fn() },
    };
    const code = readFileSync(path.join(out, 'preload.cjs'), 'utf8');
    const sandboxRequire = (id: string) => {
      if (id === 'electron') return fakeElectron;
      throw new Error(`a sandboxed preload may not require ${id}`);
    };
    vm.runInNewContext(code, { require: sandboxRequire, module: { exports: {} }, exports: {}, console });

    expect(Object.keys(exposed)).toEqual(['terminal']);
    const api = exposed.terminal as { invoke: (c: string, r: unknown) => Promise<unknown>; on: (e: string, l: () => void) => () => void };
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);

    expect(await api.invoke('fs:readFile', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(invoke).not.toHaveBeenCalled();
    await api.invoke(CHANNEL_NAMES[0]!, {});
    expect(invoke).toHaveBeenCalledWith(CHANNEL_NAMES[0], {});
    expect(() => api.on('ipc:anything', () => {})).toThrow();
    api.on('card:read', () => {});
    expect(on).toHaveBeenCalledWith('event:card:read', expect.any(Function));
  });
});
