import { describe, expect, it } from 'vitest';
import { evaluateChecklist, suggestMaterial, type RequiredMaterial } from '../../src/services/materials/checklist';
import { characterErrorRate } from '../../src/services/materials/cer';
import { MATERIALS } from './fixtures';

describe('suggestMaterial', () => {
  it('maps OCR keywords to the material (租赁合同 → 房屋租赁合同)', () => {
    expect(suggestMaterial('合同编号：X\n出租方（甲方）：…\n房屋租赁合同', MATERIALS)?.code).toBe('M01');
    expect(suggestMaterial('居 住 证 明\n兹证明……特此证明。', MATERIALS)?.code).toBe('M02');
  });

  it('tolerates one misread character in a long keyword, not in a short one', () => {
    expect(suggestMaterial('房屋租赁合回 第1页', MATERIALS)?.code).toBe('M01');
    expect(suggestMaterial('统一社会信用代玛 92440300', MATERIALS)?.code).toBe('M03');
    expect(suggestMaterial('营业执昭', MATERIALS)).toBeNull();
    expect(suggestMaterial('居住证', MATERIALS)).toBeNull();
  });

  it('suggests nothing for unrelated text', () => {
    expect(suggestMaterial('法律援助申请表 申请人签名', MATERIALS)).toBeNull();
  });
});

describe('evaluateChecklist', () => {
  it('flags missing required materials, ignores optional ones, counts electronic certificates', () => {
    const none = evaluateChecklist(MATERIALS, [], new Map());
    expect(none.missing).toEqual(['M01', 'M02', 'M03']);
    expect(none.complete).toBe(false);

    const some = evaluateChecklist(
      MATERIALS,
      [
        { id: 'p1', materialCode: 'M01' },
        { id: 'p2', materialCode: null },
      ],
      new Map([['M03', { id: 'c1', type: 'business-licence', name: '营业执照' }]]),
    );
    expect(some.missing).toEqual(['M02']);
    expect(some.unassignedPages).toEqual(['p2']);
    expect(some.materials.find((m) => m.code === 'M03')).toMatchObject({ satisfiedBy: 'electronic', electronicCertificateId: 'c1', missing: false });
    expect(some.materials.find((m) => m.code === 'M01')).toMatchObject({ satisfiedBy: 'paper', pages: 1 });
    expect(some.materials.find((m) => m.code === 'M04')).toMatchObject({ missing: false });
  });

  it('requires as many pages as the count says', () => {
    const two: RequiredMaterial[] = [{ code: 'X', name: '户口簿', count: 2, ocrKeywords: [] }];
    expect(evaluateChecklist(two, [{ id: 'a', materialCode: 'X' }], new Map()).complete).toBe(false);
    expect(evaluateChecklist(two, [{ id: 'a', materialCode: 'X' }, { id: 'b', materialCode: 'X' }], new Map()).complete).toBe(true);
  });
});

describe('characterErrorRate', () => {
  it('normalises NFKC and whitespace before counting', () => {
    expect(characterErrorRate('合同编号：A1', '合同 编号:A1')).toBe(0);
    expect(characterErrorRate('abcd', 'abxd')).toBe(0.25);
    expect(characterErrorRate('ab', '')).toBe(1);
  });
});
