// The window host with fake adapters (a sink per window that records what it was sent) over the real router,
// ModeRegistry, EventHub and AdminGate: what both shells deliver is decided here.
import { DEFAULT_HARDWARE_LAYOUT } from '@easydo/core/contract/schemas/terminal';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, type EventName, type EventPayload } from '@easydo/core/contract/channels';
import { ModeRegistry } from '@easydo/core/services/ipc/caller';
import { EventHub } from '@easydo/core/services/ipc/event-hub';
import { createRouter, type HandlerTable } from '@easydo/core/services/ipc/router';
import { AdminGate, MAINTENANCE_REASON } from '@easydo/core/services/admin/admin-gate';
import { hashPin } from '@easydo/core/services/config/pin';
import { WindowHost, type WindowSink } from '../../src/main/window-host';
import { registerContract, webContentsSink } from '../../src/main/ipc-adapter';

const PIN = '135790';

interface Recorder extends WindowSink {
  sent: Array<{ event: EventName; payload: unknown }>;
  events(name: EventName): unknown[];
}

function recorder(): Recorder {
  const sent: Recorder['sent'] = [];
  return { sent, send: (event, payload) => void sent.push({ event, payload }), events: (name) => sent.filter((s) => s.event === name).map((s) => s.payload) };
}

function setup(extra: Partial<HandlerTable> = {}) {
  const modes = new ModeRegistry();
  const hub = new EventHub();
  let manual: { reason: string } | null = null;
  const service = { setManualOutOfService: (reason: string | null) => void (manual = reason ? { reason } : null), serviceState: () => ({ manual }) };
  const audit: string[] = [];
  const gate = new AdminGate(() => hashPin(PIN), modes, { record: (action) => void audit.push(action) }, { service });
  const handlers = Object.fromEntries(CHANNEL_NAMES.map((c) => [c, () => { throw new Error(`unused ${c}`); }])) as unknown as HandlerTable;
  handlers['admin:login'] = (req, caller) => (gate.login(caller.windowId, req.pin), { mode: 'admin' as const });
  handlers['admin:logout'] = (_req, caller) => (gate.logout(caller.windowId), { done: true });
  handlers['ui:captureScreen'] = (req, caller) => (modes.setCaptureActive(caller.windowId, req.active), { done: true });
  Object.assign(handlers, extra);
  const host = new WindowHost({ router: createRouter({ handlers }), hub, modes, admin: gate });
  return { host, modes, hub, gate, audit, manual: () => manual };
}

describe('window host', () => {
  it('admin login sends mode:changed to that window only, with the payload the renderer listens for', async () => {
    const { host } = setup();
    const a = recorder();
    const b = recorder();
    const adminWindow = host.open('1', 'admin', a);
    const other = host.open('2', 'kiosk', b);
    expect(adminWindow.mode()).toBe('kiosk'); // --mode admin opens with kiosk rights and the PIN pad
    expect(await adminWindow.invoke('admin:login', { pin: PIN })).toEqual({ ok: true, value: { mode: 'admin' } });
    expect(adminWindow.mode()).toBe('admin');
    expect(a.events('mode:changed')).toEqual([{ mode: 'admin' }]);
    expect(b.sent).toEqual([]);
    expect(other.mode()).toBe('kiosk');
  });

  it('logout returns the window to its start mode and says so once', async () => {
    const { host, manual } = setup();
    const a = recorder();
    const w = host.open('1', 'admin', a);
    await w.invoke('admin:login', { pin: PIN });
    expect(manual()?.reason).toBe(MAINTENANCE_REASON);
    expect(await w.invoke('admin:logout', {})).toEqual({ ok: true, value: { done: true } });
    expect(w.mode()).toBe('kiosk');
    expect(manual()).toBeNull();
    expect(a.events('mode:changed')).toEqual([{ mode: 'admin' }, { mode: 'kiosk' }]);
    // Resetting to the mode it already has announces nothing.
    await w.invoke('admin:logout', {});
    expect(a.events('mode:changed')).toHaveLength(2);
  });

  it('refuses admin channels to a window that has not logged in (mode held in main)', async () => {
    const { host } = setup();
    const w = host.open('1', 'admin', recorder());
    const result = await w.invoke('admin:exit', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a call in flight when its window closes resolves typed, logs no internal error, and leaves nothing behind', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const internal: string[] = [];
    const modes = new ModeRegistry();
    const hub = new EventHub();
    const handlers = Object.fromEntries(CHANNEL_NAMES.map((c) => [c, () => { throw new Error('unused'); }])) as unknown as HandlerTable;
    // A slow handler that asks for the caller's mode after the await, as terminal:info does.
    handlers['terminal:info'] = async (_req, caller) => {
      await gate;
      return { terminalId: 't', centreName: 'c', mode: caller.mode(), entry: 'kiosk', version: 'v', defaultLanguage: 'zh-CN', simulated: true, timeZone: 'Asia/Shanghai', receiptSms: true, hardware: DEFAULT_HARDWARE_LAYOUT };
    };
    const host = new WindowHost({ router: createRouter({ handlers, onInternalError: (c) => void internal.push(c) }), hub, modes });
    const sink = recorder();
    const w = host.open('1', 'kiosk', sink);
    const pending = w.invoke('terminal:info', {});
    w.close();
    release();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'window-closed' } });
    expect(internal).toEqual([]);
    expect(modes.windows()).toEqual([]);
    expect(host.list()).toEqual([]);
    expect(await w.invoke('terminal:info', {})).toMatchObject({ ok: false, error: { reason: 'window-closed' } });
    hub.emit('card:removed', {});
    expect(sink.sent).toEqual([]);
  });

  it('forwards hub events only to windows whose current mode may receive them, following mode changes', async () => {
    const { host, hub } = setup();
    const kiosk = recorder();
    const admin = recorder();
    const display = recorder();
    host.open('k', 'kiosk', kiosk);
    const a = host.open('a', 'admin', admin);
    host.open('d', 'display', display);
    const device: EventPayload<'device:changed'> = { id: 'x', kind: 'idReader', status: 'online', required: true, capabilities: {}, counters: {}, detail: {}, lastError: null, alerts: [] };
    hub.emit('device:changed', device); // admin-only
    hub.emit('card:removed', {}); // resident-facing
    expect(kiosk.events('card:removed')).toHaveLength(1);
    expect(kiosk.events('device:changed')).toHaveLength(0);
    expect(admin.events('device:changed')).toHaveLength(0); // still kiosk rights before the PIN
    await a.invoke('admin:login', { pin: PIN });
    hub.emit('device:changed', device);
    expect(admin.events('device:changed')).toHaveLength(1);
    expect(kiosk.events('device:changed')).toHaveLength(0);
    expect(display.events('device:changed')).toHaveLength(0);
  });

  it('an admin window that closes is logged out, so the terminal leaves maintenance', async () => {
    const { host, gate, manual, audit } = setup();
    const w = host.open('1', 'admin', recorder());
    await w.invoke('admin:login', { pin: PIN });
    w.close();
    expect(gate.isAdmin('1')).toBe(false);
    expect(manual()).toBeNull();
    expect(audit).toContain('admin.logout');
  });

  it('capture-screen state belongs to the page: cleared on reload and on close', async () => {
    const { host, modes } = setup();
    const w = host.open('1', 'kiosk', recorder());
    await w.invoke('ui:captureScreen', { active: true });
    expect(modes.captureActive('1')).toBe(true);
    w.pageReset();
    expect(modes.captureActive('1')).toBe(false);
    await w.invoke('ui:captureScreen', { active: true });
    w.close();
    expect(modes.captureActive('1')).toBe(false);
  });

  it('one window whose delivery throws does not stop delivery to the others or the emitter', () => {
    const warnings: string[] = [];
    const modes = new ModeRegistry();
    const hub = new EventHub();
    const host = new WindowHost({ router: createRouter({ handlers: {} as HandlerTable }), hub, modes, warn: (m) => void warnings.push(m) });
    host.open('broken', 'kiosk', { send: () => { throw new Error('gone'); } });
    const ok = recorder();
    host.open('ok', 'kiosk', ok);
    expect(() => hub.emit('card:removed', {})).not.toThrow();
    expect(ok.events('card:removed')).toHaveLength(1);
    expect(warnings).toEqual(['event delivery failed']);
  });
});

describe('Electron adapter', () => {
  it('registers every channel, refuses foreign frames and unknown windows, and sends events as event:<name>', async () => {
    const { host } = setup();
    const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
    registerContract({ handle: (c: string, h: never) => void handlers.set(c, h) } as never, host, ['app://terminal']);
    expect([...handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
    const sent: unknown[][] = [];
    const contents = { id: 5, send: (...args: unknown[]) => void sent.push(args), isDestroyed: () => false };
    host.open('5', 'admin', webContentsSink(contents));
    const call = (url: string, id: number, channel: string, payload: unknown) => handlers.get(channel)!({ sender: { id }, senderFrame: { url } }, payload);
    expect(await call('https://app.terminal.evil/', 5, 'admin:login', { pin: PIN })).toMatchObject({ ok: false, error: { message: 'Untrusted sender' } });
    expect(await call('app://terminal/index.html', 6, 'admin:login', { pin: PIN })).toMatchObject({ ok: false, error: { message: 'Unknown window' } });
    expect(await call('app://terminal/index.html', 5, 'admin:login', { pin: PIN })).toEqual({ ok: true, value: { mode: 'admin' } });
    expect(sent).toEqual([['event:mode:changed', { mode: 'admin' }]]);
  });
});
