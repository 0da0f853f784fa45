// The 2D scanner's and identity's config: defaults, strict keys, and production refusing the simulated imager.
import { describe, expect, it } from 'vitest';
import { parseConfig, simulatorDefaults } from '../../src/services/config/load';
import { productionRefusals } from '../../src/services/config/production-policy';

const withScanner = (qrScanner: unknown) => ({ ...simulatorDefaults(), devices: { ...simulatorDefaults().devices, qrScanner } });

describe('devices.qrScanner and identity config', () => {
  it('a serial scanner gets the factory defaults; identity its defaults', () => {
    const config = parseConfig(withScanner({ transport: 'serial', port: '/dev/ttyACM0' }));
    expect(config.devices.qrScanner).toEqual({ transport: 'serial', port: '/dev/ttyACM0', baud: 9600, mode: 'trigger', commandSet: 'none', symbologies: {}, suffix: 'cr', aimId: false });
    expect(config.identity).toMatchObject({ physicalCardItems: [], cardPlusCodeItems: [], scanTimeoutSeconds: 45 });
    expect(simulatorDefaults().devices.qrScanner).toBeUndefined();
  });

  it('refuses a misspelled key and a suffix the driver does not know', () => {
    expect(() => parseConfig(withScanner({ transport: 'serial', port: '/dev/ttyACM0', sufix: 'cr' }))).toThrow();
    expect(() => parseConfig(withScanner({ transport: 'serial', port: '/dev/ttyACM0', suffix: 'lf' }))).toThrow();
  });

  it('production refuses the simulated scanner, not a real one', () => {
    const fields = (qr: unknown) => productionRefusals(parseConfig(withScanner(qr))).map((r) => r.field);
    expect(fields({ transport: 'simulator' })).toContain('devices.qrScanner.transport');
    expect(fields({ transport: 'hidPos', vendorId: 0x0c2e, productId: 0x0b61 })).not.toContain('devices.qrScanner.transport');
  });
});
