// English says "1 page" and "2 pages"; Chinese has one form. The bundled resources through real i18next.
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../src/renderer/i18n';

describe('English plurals', () => {
  const i18n = initI18n('en');

  it('uses the singular for one and the plural otherwise', () => {
    const t = i18n.getFixedT('en', 'journey');
    expect(t('materials.incomplete', { count: 1 })).toBe('1 document still missing');
    expect(t('materials.incomplete', { count: 2 })).toBe('2 documents still missing');
    expect(t('review.materialsCount', { count: 1 })).toBe('1 page');
    expect(t('guide.copies', { count: 1 })).toBe('1 copy');
    expect(t('guide.days', { days: 1, count: 1 })).toBe('1 working day');
    expect(t('guide.days', { days: 20, count: 20 })).toBe('20 working days');
    expect(t('materials.pages', { pages: 0, required: 1, count: 1 })).toBe('0/1 page');
    expect(t('thanks.body', { seconds: 1, count: 1 })).toMatch(/in 1 second\.$/);
    expect(t('form.missing', { count: 1 })).toBe('1 required entry is still empty');
    expect(i18n.getFixedT('en', 'counter')('doneToday', { n: 1, count: 1 })).toBe('1 ticket done today');
  });

  it('keeps one form in Chinese', () => {
    const t = i18n.getFixedT('zh-CN', 'journey');
    expect(t('materials.incomplete', { count: 1 })).toBe('还缺 1 项材料');
    expect(t('guide.days', { days: 1, count: 1 })).toBe('1 个工作日');
  });

  it('gives every English singular a plural it belongs to', async () => {
    const { journeyEn } = await import('../../src/renderer/i18n/domains/journey');
    const { counterEn } = await import('@easydo/counter/ui/i18n');
    const walk = (o: object, at: string): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? walk(v as object, `${at}${k}.`) : k.endsWith('_one') && !(k.slice(0, -4) in o) ? [`${at}${k}`] : []));
    expect([...walk(journeyEn, ''), ...walk(counterEn, '')]).toEqual([]);
  });
});
