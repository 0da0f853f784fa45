// Required devices per role: a kiosk without receipt paper is out of service; a counter (which hands out A4) is not.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig, simulatorDefaults } from '@easydo/core/services/config/load';
import { createTerminal, type Terminal } from '@easydo/core/services/terminal/compose';
import type { TerminalRole } from '@easydo/core/services/config/schema';
import { createLogger } from '@easydo/core/services/logging/logger';

let terminal: Terminal | null = null;
afterEach(async () => {
  await terminal?.close();
  terminal = null;
});

async function withPaperOut(role: TerminalRole, required?: unknown) {
  const base = simulatorDefaults();
  const config = parseConfig({ ...base, backend: { kind: 'embedded-sandbox', clockSpeed: 6000 }, devices: { ...base.devices, scanner: { source: 'none' }, ...(required ? { required } : {}) } });
  terminal = await createTerminal({ config, dataDir: mkdtempSync(path.join(os.tmpdir(), 'easydo-role-')), version: 't', logger: createLogger({ level: 'silent' }), role });
  terminal.receiptPrinter.virtual!.setState('out');
  await terminal.receiptPrinter.printer.refreshStatus();
  return terminal.devices.serviceState();
}

describe('required devices per role', () => {
  it('by default a kiosk needs its receipt printer and a counter does not', async () => {
    const kiosk = await withPaperOut('kiosk');
    expect(kiosk.inService).toBe(false);
    expect(kiosk.reasons.map((r) => r.deviceId)).toEqual(['receiptPrinter']);
    await terminal!.close();
    terminal = null;
    const counter = await withPaperOut('counter');
    expect(counter.inService).toBe(true);
    expect(counter.canPrint).toBe(false);
  });

  it('the older one-list form applies to both roles', async () => {
    const counter = await withPaperOut('counter', ['idReader', 'receiptPrinter']);
    expect(counter.inService).toBe(false);
  });
});
