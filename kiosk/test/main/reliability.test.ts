import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { RecoveryPolicy } from '../../src/main/recovery-policy';
import { attachRecovery } from '../../src/main/recovery';
import { CloseGuard } from '../../src/main/close-guard';
import { ensureSingleInstance } from '../../src/main/single-instance';
import { PreventDisplaySleepService } from '../../src/main/prevent-display-sleep';
import { attachNavigationGuards } from '../../src/main/navigation';

vi.mock('electron', () => ({}));

describe('recovery policy', () => {
  it('reloads with capped exponential back-off, then goes out of service', () => {
    let now = 0;
    const policy = new RecoveryPolicy({ baseDelayMs: 1000, maxDelayMs: 4000, maxFailures: 5, windowMs: 60_000, now: () => now });
    const delays = [1, 2, 3, 4].map(() => {
      now += 1000;
      const a = policy.onFailure('crashed');
      return a.action === 'reload' ? a.delayMs : -1;
    });
    expect(delays).toEqual([1000, 2000, 4000, 4000]);
    expect(policy.onFailure('oom')).toEqual({ action: 'out-of-service' });
  });

  it('forgets failures outside the window and ignores clean exits', () => {
    let now = 0;
    const policy = new RecoveryPolicy({ baseDelayMs: 1000, maxDelayMs: 30_000, maxFailures: 2, windowMs: 10_000, now: () => now });
    expect(policy.onFailure('clean-exit')).toEqual({ action: 'ignore' });
    expect(policy.onFailure('crashed')).toEqual({ action: 'reload', delayMs: 1000 });
    now = 20_000;
    expect(policy.onFailure('crashed')).toEqual({ action: 'reload', delayMs: 1000 });
  });

  it('crashes a hung renderer on purpose and counts it once, when its render-process-gone arrives', () => {
    const contents = new EventEmitter();
    // As in Electron: the forced crash is reported as render-process-gone (reason killed).
    const forcefullyCrashRenderer = vi.fn(() => contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 }));
    Object.assign(contents, { forcefullyCrashRenderer });
    const window = Object.assign(new EventEmitter(), { webContents: contents });
    const reload = vi.fn();
    const showOutOfService = vi.fn();
    const logged: unknown[] = [];
    const policy = new RecoveryPolicy({ baseDelayMs: 5, maxDelayMs: 5, maxFailures: 2, windowMs: 1000 });
    attachRecovery(window as never, policy, { reload, showOutOfService, log: (_m, d) => void logged.push(d) }, (fn) => (fn(), () => {}));
    window.emit('unresponsive');
    expect(forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(policy.recentFailures()).toBe(1);
    expect(logged).toEqual([{ reason: 'unresponsive', decision: 'reload' }]);
    expect(reload).toHaveBeenCalledTimes(1);
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(showOutOfService).toHaveBeenCalledTimes(1);
  });

  it('once out of service, no reload still pending replaces the out-of-service page', () => {
    const contents = Object.assign(new EventEmitter(), { forcefullyCrashRenderer: vi.fn() });
    const window = Object.assign(new EventEmitter(), { webContents: contents });
    const reload = vi.fn();
    const showOutOfService = vi.fn();
    const pending: Array<{ fn: () => void; cancelled: boolean }> = [];
    const schedule = (fn: () => void) => {
      const entry = { fn, cancelled: false };
      pending.push(entry);
      return () => void (entry.cancelled = true);
    };
    attachRecovery(window as never, new RecoveryPolicy({ baseDelayMs: 1000, maxDelayMs: 1000, maxFailures: 3, windowMs: 60_000 }), { reload, showOutOfService, log: () => {} }, schedule);
    for (let i = 0; i < 3; i++) contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(showOutOfService).toHaveBeenCalledTimes(1);
    expect(pending.map((p) => p.cancelled)).toEqual([true, true]);
    for (const p of pending) p.fn(); // even a timer that fires anyway
    expect(reload).not.toHaveBeenCalled();
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(showOutOfService).toHaveBeenCalledTimes(1);
  });
});

describe('close guard', () => {
  it('prevents closing until an admin allows quitting', () => {
    const contents = new EventEmitter();
    const window = Object.assign(new EventEmitter(), { webContents: contents });
    const guard = new CloseGuard();
    guard.attach(window as never);
    const event = { preventDefault: vi.fn() };
    window.emit('close', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    const unload = { preventDefault: vi.fn() };
    contents.emit('will-prevent-unload', unload);
    expect(unload.preventDefault).not.toHaveBeenCalled();
    guard.allowQuit();
    const event2 = { preventDefault: vi.fn() };
    window.emit('close', event2);
    expect(event2.preventDefault).not.toHaveBeenCalled();
  });
});

describe('single instance', () => {
  it('quits a second instance and focuses the first', () => {
    const second = { requestSingleInstanceLock: () => false, quit: vi.fn(), on: vi.fn() };
    expect(ensureSingleInstance(second, () => {})).toBe(false);
    expect(second.quit).toHaveBeenCalled();
    const first = Object.assign(new EventEmitter(), { requestSingleInstanceLock: () => true, quit: vi.fn() });
    const focus = vi.fn();
    expect(ensureSingleInstance(first as never, focus)).toBe(true);
    first.emit('second-instance');
    expect(focus).toHaveBeenCalledTimes(1);
  });
});

describe('prevent display sleep', () => {
  it('starts and stops one blocker', () => {
    const started = new Set<number>();
    let next = 1;
    const fake = { start: vi.fn(() => (started.add(next), next++)), stop: vi.fn((id: number) => started.delete(id)), isStarted: (id: number) => started.has(id) };
    const svc = new PreventDisplaySleepService(fake);
    svc.setEnabled(true);
    svc.setEnabled(true);
    expect(fake.start).toHaveBeenCalledTimes(1);
    expect(fake.start).toHaveBeenCalledWith('prevent-display-sleep');
    svc.setEnabled(false);
    expect(fake.stop).toHaveBeenCalledWith(1);
    expect(svc.enabled).toBe(false);
  });
});

describe('navigation guards', () => {
  it('blocks foreign navigation and every window.open', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    attachNavigationGuards(contents as never, ['app://terminal']);
    const foreign = { preventDefault: vi.fn() };
    contents.emit('will-navigate', foreign, 'https://evil.example/');
    expect(foreign.preventDefault).toHaveBeenCalled();
    const own = { preventDefault: vi.fn() };
    contents.emit('will-navigate', own, 'app://terminal/#/admin');
    expect(own.preventDefault).not.toHaveBeenCalled();
    const handler = contents.setWindowOpenHandler.mock.calls[0]![0] as () => unknown;
    expect(handler()).toEqual({ action: 'deny' });
  });
});
