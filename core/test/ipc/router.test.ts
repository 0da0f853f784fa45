import { describe, expect, it } from 'vitest';
import { createRouter, type HandlerTable } from '@easydo/core/services/ipc/router';
import { ModeRegistry } from '@easydo/core/services/ipc/caller';
import { Failure } from '@easydo/core/services/errors/failure';
import { CHANNEL_NAMES, channels } from '@easydo/core/contract/channels';

const okState = { inService: true, canSubmit: true, canReadCard: true, canPrint: true, reasons: [], manual: null };

function handlers(overrides: Partial<HandlerTable> = {}): HandlerTable {
  const fail = () => {
    throw new Error('not used in this test');
  };
  const table = Object.fromEntries(CHANNEL_NAMES.map((c) => [c, fail])) as unknown as HandlerTable;
  return {
    ...table,
    'service:state': () => okState,
    'devices:list': () => [],
    ...overrides,
  };
}

describe('router', () => {
  const modes = new ModeRegistry();
  const kiosk = modes.register('w1', 'kiosk');
  const admin = modes.register('w2', 'admin');

  it('refuses a kiosk-mode caller an admin channel with a typed forbidden error', async () => {
    const router = createRouter({ handlers: handlers() });
    const result = await router.invoke(kiosk, 'devices:list', {});
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('kiosk') } });
    expect(await router.invoke(admin, 'devices:list', {})).toEqual({ ok: true, value: [] });
  });

  it('answers a malformed payload with a typed validation error naming the field', async () => {
    const router = createRouter({ handlers: handlers() });
    const result = await router.invoke(kiosk, 'admin:login', { pin: 'abc' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.issues?.[0]?.path).toBe('pin');
  });

  it('rejects unknown channels and extra keys', async () => {
    const router = createRouter({ handlers: handlers() });
    expect(await router.invoke(kiosk, 'fs:readFile', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await router.invoke(kiosk, 'service:state', { sneaky: 1 })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await router.invoke(kiosk, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('maps a Failure to its code and hides the stack of anything else', async () => {
    const seen: unknown[] = [];
    const router = createRouter({
      handlers: handlers({
        'service:state': () => {
          throw new Failure('device', 'Printer out of paper', 'paperOut');
        },
        'terminal:info': () => {
          throw new Error('secret internals at /home/x/file.ts:12');
        },
      }),
      onInternalError: (_c, e) => seen.push(e),
    });
    expect(await router.invoke(kiosk, 'service:state', {})).toEqual({
      ok: false,
      error: { code: 'device', message: 'Printer out of paper', reason: 'paperOut' },
    });
    const internal = await router.invoke(kiosk, 'terminal:info', {});
    expect(internal).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error' } });
    expect(JSON.stringify(internal)).not.toContain('file.ts');
    expect(seen).toHaveLength(1);
  });

  it('refuses a handler answer that breaks the response schema', async () => {
    const router = createRouter({ handlers: handlers({ 'service:state': () => ({ inService: 'yes' }) as never }) });
    expect(await router.invoke(kiosk, 'service:state', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('follows the mode held in main when it changes', async () => {
    const router = createRouter({ handlers: handlers() });
    const ctx = modes.register('w3', 'kiosk');
    expect((await router.invoke(ctx, 'devices:list', {})).ok).toBe(false);
    modes.set('w3', 'admin');
    expect((await router.invoke(ctx, 'devices:list', {})).ok).toBe(true);
    modes.reset('w3');
    expect(modes.get('w3')).toBe('kiosk');
  });

  it('every channel names at least one mode and has schemas', () => {
    for (const name of CHANNEL_NAMES) {
      expect(channels[name].modes.length, name).toBeGreaterThan(0);
      expect(typeof channels[name].request.safeParse).toBe('function');
    }
  });
});
