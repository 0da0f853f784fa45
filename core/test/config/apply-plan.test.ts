// Every setting is classified live or restart-needed, so a save (admin form, fleet push) always says what it did.
import { describe, expect, it } from 'vitest';
import { LIVE_PATHS, RESTART_PATHS, planApply } from '@easydo/core/services/config/apply-plan';
import { TerminalConfig } from '@easydo/core/services/config/schema';
import { parseConfig } from '@easydo/core/services/config/load';
import { productionConfigInput } from './fixtures';

const classified = new Set<string>([...LIVE_PATHS, ...RESTART_PATHS]);

describe('apply plan', () => {
  it('classifies every top-level key and every device', () => {
    const devices = (TerminalConfig.shape.devices.unwrap() as unknown as { shape: Record<string, unknown> }).shape;
    const keys = [...Object.keys(TerminalConfig.shape).filter((k) => k !== 'devices'), ...Object.keys(devices).map((k) => `devices.${k}`)];
    expect(keys.filter((k) => !classified.has(k))).toEqual([]);
  });

  it('a changed 2D scanner, update channel or remote help needs a restart; identity applies at once', () => {
    const before = parseConfig(productionConfigInput());
    const after = parseConfig({
      ...productionConfigInput(),
      devices: { ...productionConfigInput().devices, qrScanner: { transport: 'hidPos', vendorId: 1, productId: 2 } },
      identity: { scanTimeoutSeconds: 30 },
      remoteHelp: { ringSeconds: 60 },
    });
    const plan = planApply(before, after);
    expect(plan.restartNeeded).toEqual(expect.arrayContaining(['devices.qrScanner', 'remoteHelp']));
    expect(plan.applied).toContain('identity');
  });
});
