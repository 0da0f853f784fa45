// Provisioning the maintenance PIN: policy enforced, PIN from stdin only, the config written back strict and 0600,
// and the result starts under the production profile.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '@easydo/core/services/admin/pin';
import { DEV_ADMIN_PIN } from '@easydo/core/services/config/load';
import { PinRefused, setPinInConfig } from '../../src/app/set-pin';
import { loadStartupConfig, StartupRefused } from '../../src/app/startup';
import { productionConfigInput } from '../../../core/test/config/fixtures';

const root = path.resolve(__dirname, '../../..');

function configWithDevPin(): { configFile: string; dataDir: string } {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'easydo-pin-'));
  const configFile = path.join(dataDir, 'config.json');
  writeFileSync(configFile, JSON.stringify({ ...productionConfigInput(), adminPinHash: hashPin(DEV_ADMIN_PIN) }));
  return { configFile, dataDir };
}

describe('set-pin', () => {
  it('turns a config production refuses for its dev PIN into one it starts on', () => {
    const where = configWithDevPin();
    expect(() => loadStartupConfig({ profile: 'production', ...where })).toThrow(StartupRefused);
    setPinInConfig(where.configFile, '402913');
    const { config } = loadStartupConfig({ profile: 'production', ...where });
    expect(verifyPin('402913', config.adminPinHash)).toBe(true);
    expect(statSync(where.configFile).mode & 0o777).toBe(0o600);
  });

  it('refuses a weak PIN and leaves the file as it was', () => {
    const where = configWithDevPin();
    const before = readFileSync(where.configFile, 'utf8');
    for (const pin of ['123456', '000000', '12345', DEV_ADMIN_PIN]) expect(() => setPinInConfig(where.configFile, pin)).toThrow(PinRefused);
    expect(readFileSync(where.configFile, 'utf8')).toBe(before);
  });

  it('the CLI reads the PIN from stdin and prints a hash for templates', () => {
    const hash = execFileSync(process.execPath, ['--import', 'tsx', 'kiosk/src/app/set-pin-cli.ts', '--hash-only'], { cwd: root, input: '520131\n', encoding: 'utf8' }).trim();
    expect(verifyPin('520131', hash)).toBe(true);
    const weak = spawnSync(process.execPath, ['--import', 'tsx', 'kiosk/src/app/set-pin-cli.ts', '--hash-only'], { cwd: root, input: '111111\n', encoding: 'utf8' });
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/PIN not set: one digit repeated/);
  });
});
