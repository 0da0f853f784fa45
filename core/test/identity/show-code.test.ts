// The development panel's "show a code": the simulated scanner's control (development composition) asks the
// embedded sandbox for a synthetic resident's code and holds it in front of the imager; 亮码办事 then reads it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTerminal, type TestTerminal } from '../journey/terminal';
import { simulatorDefaults } from '../../src/services/config/load';

let t: TestTerminal;
beforeAll(async () => {
  t = await startTestTerminal({ devices: { ...simulatorDefaults().devices, qrScanner: { transport: 'simulator' } } });
});
afterAll(() => t?.close());

describe('sim:showCode', () => {
  it('a shown code starts a code session', async () => {
    const scanning = t.call('identity:scanCode', { codeKind: 'ctid' });
    // The imager holds a shown code until the trigger, so the order of the two calls does not matter.
    await t.call('sim:showCode', { residentId: 'res01', codeKind: 'ctid' });
    await expect(scanning).resolves.toMatchObject({ method: 'code', codeKind: 'ctid' });
    expect(t.terminal.sessions.current()?.card).not.toBeNull();
  }, 60_000);
});
