// Provisioning the maintenance PIN: policy enforced, PIN from stdin only, the config written back strict and 0600,
// and the result starts under the production profile.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '@easydo/core/services/config/pin';
import { DEV_ADMIN_PIN } from '@easydo/core/services/config/load';
import { PinRefused, setOperatorPinInConfig, setPinInConfig } from '../../src/app/set-pin';
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

  it("sets a maintainer's own PIN under their staff number, replacing only theirs, and production starts on it", () => {
    const where = configWithDevPin();
    setPinInConfig(where.configFile, '402913');
    setOperatorPinInConfig(where.configFile, '1024', '730519');
    setOperatorPinInConfig(where.configFile, '2048', '618204');
    setOperatorPinInConfig(where.configFile, '1024', '905137'); // a new PIN for 1024, 2048 kept
    const { config } = loadStartupConfig({ profile: 'production', ...where });
    const operators = config.admin.operators ?? [];
    expect(operators.map((o) => o.id)).toEqual(['1024', '2048']);
    expect(verifyPin('905137', operators[0]!.pinHash)).toBe(true);
    expect(verifyPin('730519', operators[0]!.pinHash)).toBe(false);
    expect(verifyPin('618204', operators[1]!.pinHash)).toBe(true);
    expect(verifyPin('402913', config.adminPinHash)).toBe(true); // the shared PIN is left alone
    expect(statSync(where.configFile).mode & 0o777).toBe(0o600);
  });

  it('refuses a weak operator PIN or a staff number that is not 3-8 digits, and leaves the file as it was', () => {
    const where = configWithDevPin();
    const before = readFileSync(where.configFile, 'utf8');
    expect(() => setOperatorPinInConfig(where.configFile, '1024', '123456')).toThrow(PinRefused);
    for (const id of ['12', 'ab12', '123456789']) expect(() => setOperatorPinInConfig(where.configFile, id, '730519')).toThrow(/staff number/);
    expect(readFileSync(where.configFile, 'utf8')).toBe(before);
  });

  it('the CLI sets an operator PIN with --operator', () => {
    const where = configWithDevPin();
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'kiosk/src/app/set-pin-cli.ts', '--config', where.configFile, '--operator', '3001'], { cwd: root, input: '730519\n', encoding: 'utf8' });
    expect(out).toContain('3001');
    const written = JSON.parse(readFileSync(where.configFile, 'utf8')) as { admin: { operators: { id: string; pinHash: string }[] } };
    expect(written.admin.operators.map((o) => o.id)).toEqual(['3001']);
    expect(verifyPin('730519', written.admin.operators[0]!.pinHash)).toBe(true);
  });

  it('the CLI reads the PIN from stdin and prints a hash for templates', () => {
    const hash = execFileSync(process.execPath, ['--import', 'tsx', 'kiosk/src/app/set-pin-cli.ts', '--hash-only'], { cwd: root, input: '520131\n', encoding: 'utf8' }).trim();
    expect(verifyPin('520131', hash)).toBe(true);
    const weak = spawnSync(process.execPath, ['--import', 'tsx', 'kiosk/src/app/set-pin-cli.ts', '--hash-only'], { cwd: root, input: '111111\n', encoding: 'utf8' });
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/PIN not set: one digit repeated/);
  });
});
