// Test scan through SANE's test backend (sane-utils must be installed: a missing scanimage fails, never skips).
import { describe, expect, it } from 'vitest';
import { simulatorDefaults } from '@easydo/core/services/config/load';
import { testScan } from '@easydo/core/services/admin/diagnostics';
import type { TerminalContext } from '@easydo/core/services/terminal/context';

describe('admin test scan', () => {
  it('scans one page from the SANE test device and returns it as a PNG', async () => {
    const config = simulatorDefaults();
    const ctx = { config: () => config } as unknown as TerminalContext;
    const result = await testScan(ctx);
    expect(result.pages).toBe(1);
    expect(result.format).toBe('png');
    expect(Buffer.from(result.image, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('refuses clearly when the scanner source is not SANE', async () => {
    const config = { ...simulatorDefaults(), devices: { ...simulatorDefaults().devices, scanner: { source: 'none' as const, device: 'test', adf: false, resolution: 300 } } };
    const ctx = { config: () => config } as unknown as TerminalContext;
    await expect(testScan(ctx)).rejects.toThrow(/needs a SANE scanner/);
  });
});
