// The start-up seam both shells use: the production profile refuses to start, naming the field, on anything only
// fit for development; the development profile keeps `npm start`'s first-run simulator config.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStartupConfig, resolveProfile, StartupRefused, type Profile } from '../../src/app/startup';
import { hashPin, verifyPin } from '@easydo/core/services/config/pin';
import { DEV_ADMIN_PIN } from '@easydo/core/services/config/load';
import { productionConfigInput } from '../../../core/test/config/fixtures';

function place(raw: unknown): { configFile: string; dataDir: string } {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'easydo-startup-'));
  const configFile = path.join(dataDir, 'config.json');
  if (raw !== undefined) writeFileSync(configFile, JSON.stringify(raw));
  return { configFile, dataDir };
}

function refusal(profile: Profile, raw: unknown): StartupRefused {
  try {
    loadStartupConfig({ profile, ...place(raw) });
  } catch (e) {
    if (e instanceof StartupRefused) return e;
    throw e;
  }
  throw new Error('started');
}

describe('production profile', () => {
  it('starts on a complete production config', () => {
    const { config, created } = loadStartupConfig({ profile: 'production', ...place(productionConfigInput()) });
    expect(created).toBe(false);
    expect(config.backend).toMatchObject({ kind: 'remote' });
  });

  it('a counter refuses a keyboard-wedge 2D scanner at start-up; a kiosk starts with it', () => {
    const raw = { ...productionConfigInput(), devices: { ...productionConfigInput().devices, qrScanner: { transport: 'keyboardWedge' } } };
    expect(() => loadStartupConfig({ profile: 'production', role: 'counter', ...place(raw) })).toThrow(/devices\.qrScanner\.transport/);
    expect(loadStartupConfig({ profile: 'production', role: 'kiosk', ...place(raw) }).config.devices.qrScanner).toMatchObject({ transport: 'keyboardWedge' });
  });

  it('refuses a missing config file and writes none', () => {
    const where = place(undefined);
    expect(() => loadStartupConfig({ profile: 'production', ...where })).toThrow(StartupRefused);
    expect(refusal('production', undefined).field).toBe('config');
    expect(existsSync(where.configFile)).toBe(false);
  });

  it('names an unknown key, at the root and inside a device', () => {
    const { backend, ...rest } = productionConfigInput();
    const root = refusal('production', { ...rest, backnd: backend });
    expect(root.field).toBe('backnd');
    expect(root.message).toMatch(/^Refusing to start: backnd: unknown key/);
    const raw = productionConfigInput();
    raw.devices = { ...raw.devices!, idReader: { transport: 'serial', port: '/dev/easydo-idreader', prot: 'x' } as never };
    expect(refusal('production', raw).field).toBe('devices.idReader.prot');
  });

  it('names a simulator device, the virtual printer, the sandbox, plain http and the development PIN', () => {
    const base = productionConfigInput();
    const devices = (d: Record<string, unknown>) => ({ ...base, devices: { ...base.devices, ...d } });
    expect(refusal('production', devices({ idReader: { transport: 'simulator' } })).field).toBe('devices.idReader.transport');
    expect(refusal('production', devices({ receiptPrinter: { address: 'virtual' } })).field).toBe('devices.receiptPrinter.address');
    expect(refusal('production', { ...base, backend: { kind: 'embedded-sandbox' } }).field).toBe('backend.kind');
    expect(refusal('production', { ...base, backend: { kind: 'remote', url: 'http://acceptance.example.invalid' } }).field).toBe('backend.url');
    const dev = refusal('production', { ...base, adminPinHash: hashPin(DEV_ADMIN_PIN) });
    expect(dev.field).toBe('adminPinHash');
    expect(dev.reason).toMatch(/development PIN/);
  });

  it('lists every refusal in one message, the first as the field', () => {
    const base = productionConfigInput();
    const refused = refusal('production', { ...base, backend: { kind: 'embedded-sandbox' }, devices: { ...base.devices, idReader: { transport: 'simulator' } } });
    expect(refused.field).toBe('backend.kind');
    expect(refused.others.map((o) => o.field)).toEqual(['devices.idReader.transport']);
    expect(refused.message).toContain('devices.idReader.transport');
  });
});

describe('development profile', () => {
  it('writes the simulator config with the development PIN on first start', () => {
    const where = place(undefined);
    const { config, created } = loadStartupConfig({ profile: 'development', ...where });
    expect(created).toBe(true);
    expect(existsSync(where.configFile)).toBe(true);
    expect(config.devices.idReader.transport).toBe('simulator');
    expect(verifyPin(DEV_ADMIN_PIN, config.adminPinHash)).toBe(true);
  });

  it('is strict about unknown keys too', () => {
    expect(refusal('development', { ...productionConfigInput(), devcies: {} }).field).toBe('devcies');
  });
});

describe('resolveProfile', () => {
  it('packaged builds are production whatever they are told', () => {
    expect(resolveProfile({ packaged: true, argProfile: 'development', env: { EASYDO_PROFILE: 'development' } })).toBe('production');
  });

  it('otherwise --profile, then EASYDO_PROFILE, then development', () => {
    expect(resolveProfile({ packaged: false, argProfile: 'production', env: { EASYDO_PROFILE: 'development' } })).toBe('production');
    expect(resolveProfile({ packaged: false, env: { EASYDO_PROFILE: 'production' } })).toBe('production');
    expect(resolveProfile({ packaged: false, env: {} })).toBe('development');
    expect(() => resolveProfile({ packaged: false, argProfile: 'prod' })).toThrow(/profile/);
  });
});
