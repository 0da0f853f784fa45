import { describe, expect, it, vi } from 'vitest';
import { createWindowOptions } from '../../src/main/window-options';
import { isTrustedUrl } from '../../src/main/trusted-url';
import { decidePermission } from '../../src/main/permissions';
import { isBlockedCombo, type KeyInput } from '../../src/main/key-filter';
import { contentSecurityPolicy } from '../../src/main/csp';

vi.mock('electron', () => {
  throw new Error('these modules must not load electron at runtime (type imports only)');
});

describe('window options factory', () => {
  it('is locked down in production', () => {
    const o = createWindowOptions({ preloadPath: '/app/preload.cjs', production: true, kiosk: true });
    const w = o.webPreferences!;
    expect(w.contextIsolation).toBe(true);
    expect(w.sandbox).toBe(true);
    expect(w.nodeIntegration).toBe(false);
    expect(w.nodeIntegrationInWorker).toBe(false);
    expect(w.webSecurity).toBe(true);
    expect(w.devTools).toBe(false);
    expect(w.webviewTag).toBe(false);
    expect(w.allowRunningInsecureContent).toBe(false);
    expect(w.partition?.startsWith('persist:')).toBe(false);
    expect(o.kiosk).toBe(true);
  });

  it('allows devtools only outside production', () => {
    expect(createWindowOptions({ preloadPath: 'p', production: false, kiosk: false }).webPreferences!.devTools).toBe(true);
  });
});

describe('trusted URLs', () => {
  const trusted = ['app://terminal', 'http://127.0.0.1:5173'];
  it.each([
    ['app://terminal/index.html', true],
    ['http://127.0.0.1:5173/#/kiosk', true],
    ['http://127.0.0.1:5174/', false],
    ['http://127.0.0.1.evil.example/', false],
    ['http://evil.example/?next=app://terminal', false],
    ['http://user@127.0.0.1:5173/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => {
    expect(isTrustedUrl(url, trusted)).toBe(expected);
  });
});

describe('permission handler', () => {
  const policy = (active: boolean) => ({ captureActive: (id: number) => active && id === 7, trustedOrigins: ['app://terminal'] });
  it('denies by default', () => {
    for (const p of ['geolocation', 'notifications', 'midi', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial']) {
      expect(decidePermission(p, 'app://terminal', undefined, policy(true), 7)).toBe(false);
    }
  });
  it('allows the camera only on the capture screen, never the microphone, never from elsewhere', () => {
    expect(decidePermission('media', 'app://terminal', ['video'], policy(true), 7)).toBe(true);
    expect(decidePermission('media', 'app://terminal', ['video'], policy(true), 8)).toBe(false); // another window
    expect(decidePermission('media', 'app://terminal', ['video'], policy(false), 7)).toBe(false);
    expect(decidePermission('media', 'app://terminal', ['audio'], policy(true), 7)).toBe(false);
    expect(decidePermission('media', 'app://terminal', ['video', 'audio'], policy(true), 7)).toBe(false);
    expect(decidePermission('media', 'http://evil.example', ['video'], policy(true), 7)).toBe(false);
  });
  it('allows camera and microphone only while the remote-help call screen is open, in that window', () => {
    const call = (active: boolean) => ({ captureActive: () => false, callActive: (id: number) => active && id === 7, trustedOrigins: ['app://terminal'] });
    expect(decidePermission('media', 'app://terminal', ['video', 'audio'], call(true), 7)).toBe(true);
    expect(decidePermission('media', 'app://terminal', ['audio'], call(true), 7)).toBe(true);
    expect(decidePermission('media', 'app://terminal', ['video', 'audio'], call(true), 8)).toBe(false);
    expect(decidePermission('media', 'app://terminal', ['video', 'audio'], call(false), 7)).toBe(false);
    expect(decidePermission('media', 'http://evil.example', ['audio'], call(true), 7)).toBe(false);
    expect(decidePermission('geolocation', 'app://terminal', undefined, call(true), 7)).toBe(false);
  });
});

describe('kiosk key filter', () => {
  const key = (k: Partial<KeyInput> & { key: string }): KeyInput => ({ type: 'keyDown', control: false, alt: false, shift: false, meta: false, ...k });
  it.each([
    [key({ key: 'F5' }), true],
    [key({ key: 'F11' }), true],
    [key({ key: 'F12' }), true],
    [key({ key: 'r', control: true }), true],
    [key({ key: 'W', control: true }), true],
    [key({ key: 'p', control: true }), true],
    [key({ key: 'I', control: true, shift: true }), true],
    [key({ key: 'F4', alt: true }), true],
    [key({ key: 'ArrowLeft', alt: true }), true],
    [key({ key: 'a' }), false],
    [key({ key: 'Enter' }), false],
    [key({ key: 'A', shift: true }), false],
    [key({ key: 'Backspace' }), false],
  ])('%o -> %s', (input, blocked) => {
    expect(isBlockedCombo(input)).toBe(blocked);
  });
});

describe('content security policy', () => {
  it('allows scripts only from self and forbids objects and framing', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
