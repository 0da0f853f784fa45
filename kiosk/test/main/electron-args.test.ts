import { describe, expect, it } from 'vitest';
import { BadArguments, ourArgs, parseElectronArgs, userArgsOf } from '../../src/main/electron-args';

const dev = { defaultApp: true };
const packaged = { defaultApp: false };

describe('Electron argv', () => {
  it('takes --mode kiosk space-separated, as the packaging launch lines pass it (the bug: only --mode=kiosk worked)', () => {
    expect(parseElectronArgs(['/opt/Easy-Do Terminal/easydo-terminal', '--mode', 'kiosk'], packaged).mode).toBe('kiosk');
    expect(parseElectronArgs(['/usr/lib/electron/electron', '/work/main/kiosk', '--mode', 'counter'], dev).mode).toBe('counter');
    expect(parseElectronArgs(['exe', '--mode=admin'], packaged).mode).toBe('admin');
  });

  it('drops the app path only when unpackaged', () => {
    expect(userArgsOf(['electron', 'kiosk', '--mode', 'kiosk'], dev)).toEqual(['--mode', 'kiosk']);
    expect(userArgsOf(['easydo-terminal', '--mode', 'kiosk'], packaged)).toEqual(['--mode', 'kiosk']);
    // Packaged, a first argument is never mistaken for an app path.
    expect(parseElectronArgs(['easydo-terminal', '--mode', 'counter', '--data-dir', '/var/lib/easydo'], packaged)).toMatchObject({ mode: 'counter', dataDir: '/var/lib/easydo' });
  });

  it("leaves Chromium's switches to Chromium, wherever they stand", () => {
    const argv = ['exe', '--inspect=0', '--remote-debugging-port=0', '--mode', 'kiosk', '--ozone-platform=wayland', '--no-sandbox', '--no-open', '--config', '/etc/easydo/config.json'];
    const parsed = parseElectronArgs(argv, packaged);
    expect(parsed).toMatchObject({ mode: 'kiosk', open: false, config: '/etc/easydo/config.json' });
    expect(parsed.chromiumSwitches).toEqual(['--inspect=0', '--remote-debugging-port=0', '--ozone-platform=wayland', '--no-sandbox']);
    expect(ourArgs(['--port', '0', '--enable-features=UseOzonePlatform']).args).toEqual(['--port=0']);
  });

  it('refuses what it cannot read, with a typed error naming it', () => {
    expect(() => parseElectronArgs(['exe', '--mode'], packaged)).toThrow(BadArguments);
    expect(() => parseElectronArgs(['exe', '--mode', '--no-sandbox'], packaged)).toThrow(/--mode needs a value/);
    expect(() => parseElectronArgs(['exe', '--mode', 'kisok'], packaged)).toThrow(/Bad arguments: --mode/);
    expect(() => parseElectronArgs(['exe', 'kiosk'], packaged)).toThrow(/unexpected "kiosk"/);
    expect(() => parseElectronArgs(['exe', '--mode', 'kiosk', 'extra'], packaged)).toThrow(/unexpected "extra"/);
  });

  it('defaults to kiosk with no arguments at all', () => {
    expect(parseElectronArgs(['exe'], packaged).mode).toBe('kiosk');
  });
});
