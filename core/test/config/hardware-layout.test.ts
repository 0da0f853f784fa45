// The cabinet's hardware layout: the screens point where this terminal's parts are; a typo is refused, not guessed.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '@easydo/core/services/config/load';
import { DEFAULT_HARDWARE_LAYOUT } from '@easydo/core/contract/schemas/terminal';
import { planApply } from '@easydo/core/services/config/apply-plan';
import { productionConfigInput } from './fixtures';

describe('config hardwareLayout', () => {
  it('defaults to the common cabinet when the file says nothing', () => {
    expect(parseConfig(productionConfigInput()).hardwareLayout).toEqual(DEFAULT_HARDWARE_LAYOUT);
  });

  it('takes each part at its place and refuses an unknown place or part, naming the field', () => {
    const layout = { cardReader: 'left', receiptSlot: 'right', scanner: 'centre', qrImager: 'left' } as const;
    expect(parseConfig({ ...productionConfigInput(), hardwareLayout: layout }).hardwareLayout).toEqual(layout);
    expect(() => parseConfig({ ...productionConfigInput(), hardwareLayout: { ...layout, cardReader: 'top' } })).toThrow(/hardwareLayout\.cardReader/);
    expect(() => parseConfig({ ...productionConfigInput(), hardwareLayout: { ...layout, printer: 'left' } })).toThrow(ConfigError);
  });

  it('takes effect without a restart (the screens read it from terminal:info)', () => {
    const before = parseConfig(productionConfigInput());
    const after = parseConfig({ ...productionConfigInput(), hardwareLayout: { ...DEFAULT_HARDWARE_LAYOUT, receiptSlot: 'right' } });
    expect(planApply(before, after)).toEqual({ applied: ['hardwareLayout'], restartNeeded: [] });
  });
});
