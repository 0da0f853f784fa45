// Config save / rollback: validated as a whole, previous version kept, secrets kept when not sent, live object
// updated, restart-needed settings named.
import { mkdtempSync, readFileSync, statSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, readConfigFile, simulatorDefaults, writeConfigFile } from '@easydo/core/services/config/load';
import { productionConfigInput } from '../config/fixtures';
import { ConfigRefused, ConfigStore } from '@easydo/core/services/config/config-store';
import { publicView } from '@easydo/core/services/config/public-view';
import { verifyPin } from '@easydo/core/services/config/pin';

function setup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'easydo-config-'));
  const file = path.join(dir, 'config.json');
  const live = simulatorDefaults();
  writeConfigFile(file, live);
  return { dir, file, live, store: new ConfigStore({ live, file }) };
}

describe('ConfigStore', () => {
  it('saves a valid change, keeps the previous version and applies it to the live object', () => {
    const { file, live, store } = setup();
    const secret = live.terminalSecret;
    const values = { ...publicView(live), centreName: '南山区粤海街道党群服务中心', session: { idleWarningSeconds: 90, idleCountdownSeconds: 20 } };
    const plan = store.save({ values });
    expect(plan.applied).toEqual(expect.arrayContaining(['centreName', 'session']));
    expect(plan.restartNeeded).toEqual([]);
    expect(live.centreName).toBe('南山区粤海街道党群服务中心');
    const onDisk = readConfigFile(file);
    expect(onDisk.centreName).toBe('南山区粤海街道党群服务中心');
    expect(onDisk.terminalSecret).toBe(secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readConfigFile(store.previousFile!).centreName).toBe('福田区莲花街道党群服务中心');
    expect(store.hasPrevious()).toBe(true);
  });

  it('refuses a bad value naming the field, and leaves file and live config untouched', () => {
    const { file, live, store } = setup();
    const before = readFileSync(file, 'utf8');
    const values = { ...publicView(live), devices: { ...live.devices, idReader: { transport: 'serial', port: '/dev/ttyUSB0', baud: 12345 } } };
    let refused: ConfigRefused | undefined;
    try {
      store.save({ values });
    } catch (e) {
      refused = e as ConfigRefused;
    }
    expect(refused).toBeInstanceOf(ConfigRefused);
    expect(refused!.issues.map((i) => i.path)).toContain('devices.idReader.baud');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(live.devices.idReader.transport).toBe('simulator');
    expect(existsSync(store.previousFile!)).toBe(false);
  });

  it('says which settings need a restart, takes a new secret and PIN write-only', () => {
    const { live, store } = setup();
    const values = { ...publicView(live), terminalId: 'SZ-FT-0002', devices: { ...live.devices, receiptPrinter: { address: 'tcp://10.0.0.9:9100', profile: '58mm', statusPollMs: 3000 } } };
    const plan = store.save({ values, terminalSecret: 'a-brand-new-secret-of-enough-length', adminPin: '13579246' });
    expect(plan.restartNeeded).toEqual(expect.arrayContaining(['terminalId', 'terminalSecret', 'devices.receiptPrinter']));
    expect(plan.applied).toContain('adminPinHash');
    expect(live.terminalSecret).toBe('a-brand-new-secret-of-enough-length');
    expect(verifyPin('13579246', live.adminPinHash)).toBe(true);
    expect(JSON.stringify(publicView(live))).not.toContain('a-brand-new-secret');
    expect(() => store.save({ values, adminPin: '12' })).toThrow(/adminPin/);
  });

  it('rolls back to the previous version, and rolling back again returns to the newer one', () => {
    const { file, live, store } = setup();
    expect(() => store.rollback()).toThrow(ConfigRefused);
    store.save({ values: { ...publicView(live), centreName: '新中心' } });
    const plan = store.rollback();
    expect(plan.applied).toContain('centreName');
    expect(live.centreName).toBe('福田区莲花街道党群服务中心');
    expect(readConfigFile(file).centreName).toBe('福田区莲花街道党群服务中心');
    store.rollback();
    expect(live.centreName).toBe('新中心');
  });

  it('without a config file keeps the previous version in memory', () => {
    const live = simulatorDefaults();
    const store = new ConfigStore({ live, file: null });
    expect(store.hasPrevious()).toBe(false);
    store.save({ values: { ...publicView(live), languages: ['zh-CN'] } });
    expect(live.languages).toEqual(['zh-CN']);
    store.rollback();
    expect(live.languages).toEqual(['zh-CN', 'en']);
  });
});

describe('ConfigStore in production', () => {
  const productionStore = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'easydo-config-prod-'));
    const file = path.join(dir, 'config.json');
    const live = parseConfig(productionConfigInput());
    writeConfigFile(file, live);
    return { file, live, store: new ConfigStore({ live, file, profile: 'production' }) };
  };
  const refusedPaths = (run: () => unknown) => {
    try {
      run();
    } catch (e) {
      if (e instanceof ConfigRefused) return e.issues.map((i) => i.path);
      throw e;
    }
    return [];
  };

  it('refuses what production would refuse at start-up, and writes nothing', () => {
    const { file, live, store } = productionStore();
    const before = readFileSync(file, 'utf8');
    const values = publicView(live);
    expect(refusedPaths(() => store.save({ values: { ...values, backend: { kind: 'remote', url: 'http://acceptance.example.invalid/api' } } }))).toEqual(['backend.url']);
    expect(refusedPaths(() => store.save({ values: { ...values, backend: { kind: 'embedded-sandbox' } } }))).toEqual(['backend.kind']);
    expect(refusedPaths(() => store.save({ values: { ...values, devices: { ...live.devices, idReader: { transport: 'simulator' } } } }))).toEqual(['devices.idReader.transport']);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(live.backend).toMatchObject({ kind: 'remote', url: 'https://acceptance.example.invalid/api' });
    expect(store.save({ values: { ...values, centreName: '南山区粤海街道党群服务中心' } }).applied).toEqual(['centreName']);
  });

  it('refuses an unknown key by its path', () => {
    const { live, store } = productionStore();
    expect(refusedPaths(() => store.save({ values: { ...publicView(live), backnd: {} } }))).toEqual(['backnd']);
  });

  it('accepts a plain-http backend in development only', () => {
    const { live, store } = setup();
    store.save({ values: { ...publicView(live), backend: { kind: 'remote', url: 'http://127.0.0.1:8080' } } });
    expect(live.backend).toMatchObject({ url: 'http://127.0.0.1:8080' });
  });

  it('holds a new PIN to the PIN policy in every profile (the same 6-12 digits as the PIN pad)', () => {
    for (const { live, store } of [setup(), productionStore()]) {
      for (const pin of ['12345', '123456', '111111', '246810']) expect(refusedPaths(() => store.save({ values: publicView(live), adminPin: pin }))).toEqual(['adminPin']);
      store.save({ values: publicView(live), adminPin: '402913' });
      expect(verifyPin('402913', live.adminPinHash)).toBe(true);
    }
  });
});
