// An expired card is not waved through with a small grey note: items that do not accept one stop with the
// card-expired reason (the screens say what to do instead), items that say so (renewals) go on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedCatalogue } from '@easydo/backend-client/sandbox/seed/catalogue';
import { assertCardAccepted, isExpired, toMaskedCard, type CardRecord } from '../../src/services/session/card-record';
import { Failure } from '../../src/services/errors/failure';

const holders = JSON.parse(readFileSync(new URL('../../../fixtures/idcard/cardholders.json', import.meta.url), 'utf8')) as (CardRecord & { id: string; expiredBefore20260101: boolean })[];
const items = seedCatalogue().items;
const TODAY = new Date('2026-01-01T04:00:00Z');

function reasonOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof Failure ? (err.reason ?? err.code) : 'not-a-failure';
  }
}

describe('expired cards', () => {
  it.each(holders.map((h) => [h.id, h.expiredBefore20260101] as const))('%s: expired=%s stops an ordinary item, not one that accepts expired cards', (id, expired) => {
    const card = holders.find((h) => h.id === id)!;
    expect(toMaskedCard(card, TODAY).expired).toBe(expired);
    expect(reasonOf(() => assertCardAccepted(card, items.find((i) => i.code === 'QR00204001')!, TODAY))).toBe(expired ? 'card-expired' : null);
    expect(reasonOf(() => assertCardAccepted(card, items.find((i) => i.code === 'JF00302001')!, TODAY))).toBe(null);
  });

  it('the seeded catalogue says which items accept an expired card', () => {
    expect(items.filter((i) => i.acceptsExpiredCard).map((i) => i.code)).toEqual(['JF00302001']);
  });

  it('a card valid to today is valid all day in Shenzhen, whatever the UTC date', () => {
    // 2019-11-02 23:30 in Shenzhen is 15:30 UTC the same day; 2019-11-03 00:30 there is still 2 November in UTC.
    expect(isExpired('20191102', new Date('2019-11-02T15:30:00Z'))).toBe(false);
    expect(isExpired('20191102', new Date('2019-11-02T16:30:00Z'))).toBe(true);
    expect(isExpired('长期', TODAY)).toBe(false);
  });
});
