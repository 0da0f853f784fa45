// Admin's config save on a terminal running in production refuses what production would refuse at start-up
// (here plain http and a simulated reader), names the field, audits the refusal and writes nothing.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig, writeConfigFile } from '@easydo/core/services/config/load';
import { publicView } from '@easydo/core/services/config/public-view';
import { createTerminal, type Terminal } from '@easydo/core/services/terminal/compose';
import { createLogger } from '@easydo/core/services/logging/logger';
import type { AuditLog } from '@easydo/core/services/admin/audit-log';
import { productionConfigInput } from '../config/fixtures';

let terminal: Terminal | null = null;
afterEach(async () => {
  await terminal?.close();
  terminal = null;
});

describe('admin config save in production', () => {
  it('refuses plain http and a simulated reader by field, and keeps the file', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'easydo-save-prod-'));
    const configFile = path.join(dataDir, 'config.json');
    const raw = productionConfigInput();
    const config = parseConfig({
      ...raw,
      backend: { kind: 'remote', url: 'https://127.0.0.1:9/api', timeoutMs: 500 },
      devices: { ...raw.devices, idReader: { transport: 'serial', port: path.join(dataDir, 'no-such-tty') }, receiptPrinter: { address: 'tcp://127.0.0.1:9' }, scanner: { source: 'none' } },
    });
    writeConfigFile(configFile, config);
    terminal = await createTerminal({ config, configFile, dataDir, version: 't', logger: createLogger({ level: 'silent' }), profile: 'production' });
    terminal.modes.register('w1', 'admin');
    const caller = { windowId: 'w1', mode: () => 'admin' as const };
    const save = terminal.handlers['admin:configSave'];
    const before = readFileSync(configFile, 'utf8');
    const values = publicView(config) as unknown as Record<string, never>;

    const http = { ...values, backend: { kind: 'remote', url: 'http://acceptance.example.invalid/api' } } as never;
    await expect(Promise.resolve().then(() => save({ values: http }, caller))).rejects.toMatchObject({ code: 'validation', issues: [{ path: 'backend.url' }] });
    const sim = { ...values, devices: { ...config.devices, idReader: { transport: 'simulator' } } } as never;
    await expect(Promise.resolve().then(() => save({ values: sim }, caller))).rejects.toMatchObject({ issues: [{ path: 'devices.idReader.transport' }] });

    expect(readFileSync(configFile, 'utf8')).toBe(before);
    const refused = (terminal.admin.audit as AuditLog).read().filter((e) => e.action === 'admin.config.save.refused');
    expect(refused.map((e) => e.detail.fields)).toEqual(['backend.url', 'devices.idReader.transport']);
  });
});
