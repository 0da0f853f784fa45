// Every item of the catalogue, as each card family meets it (itemForCardFamily): 43 items × 3 families (the foreigner's
// card in both its 2017 and 2023 form). Nobody is asked for a document their family cannot have (a 户口簿 or a
// 居民身份证 of a HK/Macao/Taiwan permit holder or a foreigner, a permit of a mainland resident), and where a mainland
// resident is asked for the 户口簿 the others are asked for what they show instead, so no requirement is lost.
import { describe, expect, it } from 'vitest';
import { seedCatalogue } from '@easydo/backend-client/sandbox/seed/catalogue';
import { requiredMaterialsOf } from '../../src/services/journey/materials-view';
import { validateForm } from '../../src/services/applications/form-validation';
import { itemForCardFamily } from '../../src/services/materials/checklist';
import { evaluateChecklist, type CardFamily } from '../../src/services/materials/checklist';

const items = seedCatalogue().items;
const FAMILIES = ['resident', 'hmt_permit', 'foreigner_2017', 'foreigner_2023'] as const satisfies readonly CardFamily[];

/** The documents tied to a card family that each family can hold (everything else is for anyone). */
const CAN_HAVE: Record<CardFamily, readonly string[]> = {
  resident: ['ID_CARD', 'HUKOU'],
  hmt_permit: ['HMT_PERMIT', 'HMT_TRAVEL_PERMIT'],
  foreigner_2017: ['FOREIGN_PR_CARD', 'PASSPORT'],
  foreigner_2023: ['FOREIGN_PR_CARD', 'PASSPORT'],
};
const FAMILY_BOUND = new Set(Object.values(CAN_HAVE).flat());
/** What each family shows where a resident shows the 户口簿. */
const INSTEAD_OF_HUKOU: Record<CardFamily, string> = { resident: 'HUKOU', hmt_permit: 'HMT_TRAVEL_PERMIT', foreigner_2017: 'PASSPORT', foreigner_2023: 'PASSPORT' };

describe('the catalogue for each card family', () => {
  it('has the 43 items', () => {
    expect(items).toHaveLength(43);
  });

  it('every document tied to a card family says so (cardTypes), so no one else is asked for it', () => {
    for (const item of items) {
      for (const m of item.materials) {
        if (!FAMILY_BOUND.has(m.code)) continue;
        expect(m.cardTypes, `${item.code} ${m.code}`).toBeDefined();
        for (const family of m.cardTypes!) expect(CAN_HAVE[family], `${item.code} ${m.code} for ${family}`).toContain(m.code);
      }
      // Names too: a 户口簿 or 居民身份证 by any code is a resident's document.
      for (const m of item.materials.filter((x) => /户口|居民身份证/.test(x.name.zh))) expect(m.cardTypes, `${item.code} ${m.code}`).toEqual(['resident']);
    }
  });

  for (const family of FAMILIES) {
    it(`${family}: all 43 items ask only for documents this family can have`, () => {
      let walked = 0;
      for (const item of items) {
        const codes = itemForCardFamily(item, family).materials.map((m) => m.code);
        for (const code of codes.filter((c) => FAMILY_BOUND.has(c))) expect(CAN_HAVE[family], `${item.code} asks ${family} for ${code}`).toContain(code);
        if (family !== 'resident') {
          expect(codes, `${item.code} for ${family}`).not.toContain('HUKOU');
          expect(codes, `${item.code} for ${family}`).not.toContain('ID_CARD');
        }
        expect(new Set(codes).size, `${item.code}: no document twice`).toBe(codes.length);
        walked++;
      }
      expect(walked).toBe(43);
    });

    it(`${family}: where a resident is asked for the 户口簿, this family is asked for its own document instead`, () => {
      const withHukou = items.filter((i) => itemForCardFamily(i, 'resident').materials.some((m) => m.code === 'HUKOU'));
      expect(withHukou.length).toBeGreaterThan(10);
      for (const item of withHukou) {
        const codes = itemForCardFamily(item, family).materials.map((m) => m.code);
        expect(codes, `${item.code} for ${family}`).toContain(INSTEAD_OF_HUKOU[family]);
        // Same number of materials as the resident's list: the substitute replaces, nothing is dropped or added.
        expect(codes.length, item.code).toBe(itemForCardFamily(item, 'resident').materials.length);
      }
    });
  }

  it('户籍地址 is asked of mainland residents only, always prefilled from their household register; nobody else has one', () => {
    const withHousehold = items.filter((i) => i.fields.some((f) => f.key === 'householdAddress'));
    expect(withHousehold.length).toBeGreaterThan(10);
    for (const item of withHousehold) {
      const field = itemForCardFamily(item, 'resident').fields.find((f) => f.key === 'householdAddress');
      expect(field?.prefill, item.code).toBe('library.householdRegistration.address');
      for (const family of FAMILIES.filter((f) => f !== 'resident')) {
        expect(itemForCardFamily(item, family).fields.map((f) => f.key), `${item.code} for ${family}`).not.toContain('householdAddress');
        // The application desk checks the form against the same card-family view: no "户籍地址 required" for them.
        expect(validateForm(itemForCardFamily(item, family), {}).map((i) => i.path), `${item.code} for ${family}`).not.toContain('householdAddress');
      }
      expect(validateForm(itemForCardFamily(item, 'resident'), {}).map((i) => i.path)).toContain('householdAddress');
    }
  });

  it("a permit holder's 生育登记 checklist is complete with their own documents, no 户口簿", () => {
    const item = itemForCardFamily(items.find((i) => i.code === 'GF00101001')!, 'hmt_permit');
    const pages = item.materials.map((m, i) => ({ id: `p${i}`, materialCode: m.code }));
    const result = evaluateChecklist(requiredMaterialsOf(item), pages, new Map());
    expect(result.complete).toBe(true);
    expect(result.materials.map((m) => m.name)).toEqual(['港澳台居民居住证', '港澳居民来往内地通行证或台湾居民来往大陆通行证', '结婚证']);
  });
});
