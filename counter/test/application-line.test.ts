// What the counter's held list and pickup search both say of a journaled application.
import { describe, expect, it } from 'vitest';
import { applicationLine } from '../src/services/documents/application-line';
import { maskName } from '@easydo/core/services/privacy/masking';

const catalogue = (names: Record<string, { zh: string; en: string }>) => ({
  item: async (code: string) => {
    const name = names[code];
    if (!name) throw new Error('no such item');
    return { code, name };
  },
});

describe('applicationLine', () => {
  it('names the item from the catalogue and masks the applicant', async () => {
    const line = await applicationLine(
      { localId: 'abcdef12-3456-7890-abcd-ef1234567890', itemCode: 'MZ-001', submission: { applicant: { name: '张三丰' } } },
      catalogue({ 'MZ-001': { zh: '居住证申领', en: 'Residence permit' } }),
    );
    expect(line).toEqual({
      localId: 'abcdef12-3456-7890-abcd-ef1234567890',
      trackingCode: 'ABCDEF1234',
      itemCode: 'MZ-001',
      itemName: { zh: '居住证申领', en: 'Residence permit' },
      applicantMasked: maskName('张三丰'),
    });
  });

  it('falls back to the item code when the catalogue no longer has it, and to no name once purged', async () => {
    const line = await applicationLine({ localId: 'x-1', itemCode: 'GONE-9', submission: null }, catalogue({}));
    expect(line.itemName).toEqual({ zh: 'GONE-9', en: 'GONE-9' });
    expect(line.applicantMasked).toBe('');
  });
});
