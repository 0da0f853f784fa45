// The slip says how the identity was established when it was a phone code (alone or with the card); a card
// read, the ordinary case, adds no line.
import { describe, expect, it } from 'vitest';
import { buildAcceptanceReceiptLayout } from '../../src/services/receipts/acceptance-receipt';
import { buildApplicant } from '../../src/services/applications/submission';
import { ACCEPTED, QUERY_LINK } from '../receipts/fixtures';

const identityLine = (data: typeof ACCEPTED & { identityVerifiedBy?: 'card' | 'phone_code' | 'card_and_code' }) =>
  buildAcceptanceReceiptLayout(data, { queryLink: QUERY_LINK }).find((b) => b.type === 'leftRight' && b.left === '身份核验');

describe('identity on the receipt', () => {
  it('prints 手机身份码 or 证件 + 手机身份码, and nothing for a card', () => {
    expect(identityLine({ ...ACCEPTED, identityVerifiedBy: 'phone_code' })).toMatchObject({ right: '手机身份码' });
    expect(identityLine({ ...ACCEPTED, identityVerifiedBy: 'card_and_code' })).toMatchObject({ right: '证件 + 手机身份码' });
    expect(identityLine({ ...ACCEPTED, identityVerifiedBy: 'card' })).toBeUndefined();
    expect(identityLine(ACCEPTED)).toBeUndefined();
  });

  it('the submission names the way the applicant was identified', () => {
    const card = { cardType: 'resident' as const, name: '卓岚', gender: '2', birthDate: '19960412', idNumber: '440304199604122469', validFrom: '', validTo: '' };
    expect(buildApplicant(card, 'code')).toMatchObject({ identityVerifiedBy: 'phone_code' });
    expect(buildApplicant(card, 'card+code')).toMatchObject({ identityVerifiedBy: 'card_and_code' });
    expect(buildApplicant(card)).not.toHaveProperty('identityVerifiedBy');
  });
});
