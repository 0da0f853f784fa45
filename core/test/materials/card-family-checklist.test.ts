// The checklist follows the card family: each synthetic cardholder of fixtures/ is asked for their own identity
// document (and a foreigner for a passport where the item asks), never for another family's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedCatalogue } from '@easydo/backend-client/sandbox/seed/catalogue';
import { requiredMaterialsOf } from '../../src/services/journey/materials-view';
import { evaluateChecklist, itemForCardFamily, materialsForCard, type CardFamily } from '../../src/services/materials/checklist';

const cardholders = JSON.parse(readFileSync(new URL('../../../fixtures/idcard/cardholders.json', import.meta.url), 'utf8')) as { id: string; cardType: CardFamily }[];
const items = seedCatalogue().items;
const item = (code: string) => items.find((i) => i.code === code)!;

const IDENTITY: Record<CardFamily, string> = {
  resident: '居民身份证',
  hmt_permit: '港澳台居民居住证',
  foreigner_2017: '外国人永久居留身份证',
  foreigner_2023: '外国人永久居留身份证',
};

describe('materials per card family', () => {
  it.each(cardholders.map((c) => [c.id, c.cardType] as const))('%s (%s) is asked for their own identity document only', (_id, cardType) => {
    const names = itemForCardFamily(item('QR00204001'), cardType).materials.map((m) => m.name.zh);
    expect(names).toEqual([IDENTITY[cardType]]);
  });

  it('asks foreigners for a passport where the item lists one, nobody else', () => {
    const codes = (t: CardFamily) => itemForCardFamily(item('GF00201001'), t).materials.map((m) => m.code);
    expect(codes('foreigner_2017')).toEqual(['FOREIGN_PR_CARD', 'PASSPORT', 'LABOUR_CONTRACT']);
    expect(codes('foreigner_2023')).toContain('PASSPORT');
    expect(codes('resident')).toEqual(['ID_CARD', 'LABOUR_CONTRACT']);
    expect(codes('hmt_permit')).toEqual(['HMT_PERMIT', 'LABOUR_CONTRACT']);
  });

  it("a permit holder's checklist is complete without a 居民身份证", () => {
    const materials = requiredMaterialsOf(itemForCardFamily(item('QR00204001'), 'hmt_permit'));
    const result = evaluateChecklist(materials, [{ id: 'p1', materialCode: 'HMT_PERMIT' }], new Map());
    expect(result.complete).toBe(true);
    expect(result.materials.map((m) => m.name)).toEqual(['港澳台居民居住证']);
  });

  it('every seeded item that asks residents for 居民身份证 asks the other families for theirs', () => {
    for (const i of items.filter((x) => x.materials.some((m) => m.code === 'ID_CARD'))) {
      for (const family of ['hmt_permit', 'foreigner_2017', 'foreigner_2023'] as const) {
        const codes = itemForCardFamily(i, family).materials.map((m) => m.code);
        expect(codes, `${i.code} for ${family}`).not.toContain('ID_CARD');
        expect(codes, `${i.code} for ${family}`).toContain(family === 'hmt_permit' ? 'HMT_PERMIT' : 'FOREIGN_PR_CARD');
      }
    }
  });

  it('a guest (no card) sees every variant', () => {
    expect(materialsForCard(item('QR00204001').materials, null).map((m) => m.code)).toEqual(['ID_CARD', 'HMT_PERMIT', 'FOREIGN_PR_CARD']);
  });
});
