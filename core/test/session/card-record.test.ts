// CardRecord is the driver's card minus what the session must never hold: every text field of every fixture
// card arrives, the photo, fingerprints and appended addresses do not, and checkDigitValid is a boolean.
import { describe, expect, it } from 'vitest';
import { loadFixtureCards, parseCardText } from '@easydo/device-drivers/idcard/index';
import { toCardRecord } from '../../src/services/session/card-record';

describe('toCardRecord', () => {
  it('keeps every text field of each card type and drops the binary parts', async () => {
    const cards = await loadFixtureCards();
    const types = new Set<string>();
    for (const simulated of cards) {
      const card = { ...parseCardText(simulated.text, { photo: simulated.photo }), fingerprint: new Uint8Array(8), newAddresses: ['某地'] };
      const record = toCardRecord(card);
      types.add(record.cardType);
      const { photo: _p, fingerprint: _f, newAddresses: _a, checkDigitValid, ...text } = card;
      expect(record).toEqual({ ...text, checkDigitValid: checkDigitValid !== false });
      expect(Object.keys(record)).not.toEqual(expect.arrayContaining(['photo']));
      expect('fingerprint' in record || 'newAddresses' in record).toBe(false);
    }
    expect([...types].sort()).toEqual(['foreigner_2017', 'foreigner_2023', 'hmt_permit', 'resident']);
  });

  it('a number without a documented check rule counts as valid; a failed check stays false', async () => {
    const [simulated] = await loadFixtureCards();
    const card = parseCardText(simulated!.text);
    expect(toCardRecord({ ...card, checkDigitValid: null }).checkDigitValid).toBe(true);
    expect(toCardRecord({ ...card, checkDigitValid: false }).checkDigitValid).toBe(false);
  });
});
