// The screen's idle warning and countdown come from main's config through SessionInfo (no copied margin).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTerminal, type TestTerminal } from '../../../core/test/journey/terminal';
import { timingFromSession } from '../../src/renderer/kiosk/journey-machine';

describe('idle timing from main', () => {
  let t: TestTerminal;
  beforeAll(async () => {
    t = await startTestTerminal({ session: { idleWarningSeconds: 20, idleCountdownSeconds: 12 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('session info carries the configured warning and countdown, and the machine timing follows them', async () => {
    const info = await t.call('session:startGuest', {});
    expect(info).toMatchObject({ idleWarningSeconds: 20, idleCountdownSeconds: 12 });
    expect(info.idleLimitSeconds).toBeGreaterThan(20 + 12);
    expect(timingFromSession(await t.call('session:touch', {}))).toEqual({ idleWarningMs: 20_000, countdownMs: 12_000 });
    await t.call('session:end', { reason: 'finished' });
  });
});
