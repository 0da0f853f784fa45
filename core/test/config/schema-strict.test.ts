// The config schema refuses what it does not know, naming the key by its own path; older shapes still load.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '@easydo/core/services/config/load';
import { productionConfigInput } from './fixtures';

function issuesOf(raw: unknown) {
  try {
    parseConfig(raw);
  } catch (e) {
    if (e instanceof ConfigError) return e.issues;
    throw e;
  }
  return [];
}

describe('strict config schema', () => {
  it('refuses a misspelled top-level key by name instead of running on the default', () => {
    const { backend, ...rest } = productionConfigInput();
    expect(issuesOf({ ...rest, backnd: backend })).toEqual([{ path: 'backnd', message: expect.stringMatching(/unknown key/) }]);
    const { devices, ...others } = productionConfigInput();
    expect(issuesOf({ ...others, devcies: devices }).map((i) => i.path)).toEqual(['devcies']);
  });

  it('names an unknown key inside a device, and every unknown key of the file', () => {
    const raw = productionConfigInput();
    raw.devices = { ...raw.devices!, idReader: { transport: 'serial', port: '/dev/ttyUSB0', prot: 'x' } as never, scanner: { source: 'none', dpi: 300 } as never };
    expect(issuesOf({ ...raw, extra: 1 }).map((i) => i.path).sort()).toEqual(['devices.idReader.prot', 'devices.scanner.dpi', 'extra']);
  });

  it('refuses unknown keys in the backend, session and admin sections', () => {
    const raw = { ...productionConfigInput(), backend: { kind: 'remote', url: 'https://a.example.invalid', timeout: 5 }, session: { idleWarning: 10 }, admin: { idleTimeout: 5 } };
    expect(issuesOf(raw).map((i) => i.path).sort()).toEqual(['admin.idleTimeout', 'backend.timeout', 'session.idleWarning']);
  });

  it('loads the older one-list form of required devices as the same list for both roles', () => {
    const config = parseConfig(productionConfigInput());
    expect(config.devices.required).toEqual({ kiosk: ['idReader', 'receiptPrinter'], counter: ['idReader', 'receiptPrinter'] });
    const perRole = parseConfig({ ...productionConfigInput(), devices: { ...productionConfigInput().devices, required: { kiosk: ['idReader', 'receiptPrinter', 'scanner'] } } });
    expect(perRole.devices.required).toEqual({ kiosk: ['idReader', 'receiptPrinter', 'scanner'], counter: ['idReader'] });
    // What was parsed (and written back by a save) parses again to the same.
    expect(parseConfig(JSON.parse(JSON.stringify(perRole)))).toEqual(perRole);
  });

  it('gives a HID reader the length-prefixed framing by default and refuses another framing', () => {
    const hid = { transport: 'hid', vendorId: 0x0483, productId: 0x572b };
    const config = parseConfig({ ...productionConfigInput(), devices: { ...productionConfigInput().devices, idReader: hid } });
    expect(config.devices.idReader).toMatchObject({ transport: 'hid', framing: { kind: 'length-prefixed', reportSize: 64, outputReportId: 0, inputHasReportId: false } });
    const other = issuesOf({ ...productionConfigInput(), devices: { ...productionConfigInput().devices, idReader: { ...hid, framing: { kind: 'vendor-x' } } } });
    expect(other.map((i) => i.path)).toEqual(['devices.idReader.framing.kind']);
  });

  it('defaults the admin idle timeout to 5 minutes and the journal key to the OS keystore', () => {
    const { journalKey: _k, ...raw } = productionConfigInput();
    const config = parseConfig(raw);
    expect(config.admin.idleTimeoutSeconds).toBe(300);
    expect(config.journalKey).toEqual({ source: 'os-keystore' });
  });
});
