// A counter in production: admin's save refuses a keyboard-wedge 2D scanner (the counter's staff windows have no
// wedge filter, so codes would be typed into the focused field); a kiosk's store takes it.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '@easydo/core/services/config/load';
import { publicView } from '@easydo/core/services/config/public-view';
import { ConfigRefused, ConfigStore } from '@easydo/core/services/config/config-store';
import { productionConfigInput } from '../config/fixtures';

const wedge = (live: ReturnType<typeof parseConfig>) => ({ ...publicView(live), devices: { ...live.devices, qrScanner: { transport: 'keyboardWedge' } } }) as unknown as Record<string, unknown>;

describe('config save: the counter\'s keyboard wedge', () => {
  it('a counter refuses it naming the field; a kiosk saves it', () => {
    const counterLive = parseConfig(productionConfigInput());
    const counter = new ConfigStore({ live: counterLive, file: null, profile: 'production', role: 'counter' });
    let refused: unknown;
    try {
      counter.save({ values: wedge(counterLive) });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(ConfigRefused);
    expect((refused as ConfigRefused).issues).toEqual([{ path: 'devices.qrScanner.transport', message: expect.stringMatching(/counter/) }]);
    expect(counterLive.devices.qrScanner).toBeUndefined();

    const kioskLive = parseConfig(productionConfigInput());
    new ConfigStore({ live: kioskLive, file: null, profile: 'production', role: 'kiosk' }).save({ values: wedge(kioskLive) });
    expect(kioskLive.devices.qrScanner).toMatchObject({ transport: 'keyboardWedge' });
  });
});
