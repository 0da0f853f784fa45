// The form step for a helping clerk: rebuilt in main from the prepared form, each value masked by its field's
// type, so the step is shown masked instead of being refused whole for the cardholder's prefilled name/address.
import { describe, expect, it } from 'vitest';
import type { FormFieldView } from '@easydo/core/contract/schemas/application';
import type { HelpScreenReport } from '@easydo/core/contract/schemas/remote-help';
import type { CardRecord } from '@easydo/core/services/session/card-record';
import { buildMaskedView } from '@easydo/core/services/remote-help/masked-view';
import { ADDRESS_SHOWN_CHARS, clerkFormReport, maskFormValue } from '@easydo/core/services/remote-help/clerk-form';

// Synthetic cardholder res01 (fixtures/idcard): invented.
const CARD = { cardType: 'resident', name: '卓岚', idNumber: '440304199604122469', gender: '女', birthDate: '19960412', validFrom: '20160101', validTo: '20360101', address: '广东省深圳市福田区莲花街道景田北路18号' } as unknown as CardRecord;

const field = (key: string, type: FormFieldView['type'], zh: string, display: string | null): FormFieldView => ({ key, label: { zh, en: key }, type, required: true, editable: true, prefilled: display ? 'card' : null, display });
const FORM: FormFieldView[] = [
  field('applicantName', 'text', '申请人姓名', '卓*'),
  field('householdAddress', 'text', '户籍地址', CARD.address as string),
  field('phone', 'phone', '联系电话', null),
  field('spouseIdNumber', 'idNumber', '配偶身份证号', null),
  field('reason', 'textarea', '申请事由', null),
];
// What the form screen reports: its field values as shown (the resident typed the phone, the spouse's number and
// the reason; the address is the card's, prefilled), and the field buttons with their values as labels.
const REPORT: HelpScreenReport = {
  step: 'form', language: 'zh', item: { code: 'QR00305001', name: '婚姻登记记录证明' },
  fields: [
    { key: 'field-applicantName', label: '申请人姓名', value: CARD.name as string },
    { key: 'field-householdAddress', label: '户籍地址', value: CARD.address as string },
    { key: 'field-phone', label: '联系电话', value: '*******8001' },
    { key: 'field-spouseIdNumber', label: '配偶身份证号', value: '**************4514' },
    { key: 'field-unknown', label: '其他', value: CARD.name as string },
  ],
  pages: [],
  controls: [{ id: 'field-reason', label: '补办证明' }, { id: 'field-extra', label: CARD.name as string }, { id: 'form-next', label: '下一步' }],
};

describe('the form step for the clerk', () => {
  it('masks each value by its type: names like the card name, addresses cut, phones and numbers to their last digits', () => {
    expect(maskFormValue({ key: 'spouseName', type: 'text' }, '王小明')).toBe('王**');
    expect(maskFormValue({ key: 'householdAddress', type: 'text' }, CARD.address as string)).toBe(`${(CARD.address as string).slice(0, ADDRESS_SHOWN_CHARS)}…`);
    expect(maskFormValue({ key: 'phone', type: 'phone' }, '13800138001')).toMatch(/^\d{0,3}\*+8001$/);
    expect(maskFormValue({ key: 'spouseIdNumber', type: 'idNumber' }, '110101199003074514')).not.toContain('19900307');
    expect(maskFormValue({ key: 'reason', type: 'textarea' }, '补办 110101199003074514')).not.toContain('110101199003074514');
  });

  it('shows the form step masked instead of refusing it, with only the prepared form\'s fields', () => {
    // Before: the cardholder's name and address in the report refused the whole view.
    expect(() => buildMaskedView(REPORT, CARD, new Date('2026-12-02T06:00:00Z'), 'Asia/Shanghai')).toThrow(/refused/);
    const view = buildMaskedView(clerkFormReport(REPORT, FORM), CARD, new Date('2026-12-02T06:00:00Z'), 'Asia/Shanghai');
    const sent = JSON.stringify(view);
    expect(sent).not.toContain(CARD.name);
    expect(sent).not.toContain(CARD.address);
    expect(view.fields.map((f) => f.key)).toEqual(['field-applicantName', 'field-householdAddress', 'field-phone', 'field-spouseIdNumber', 'field-reason']);
    expect(view.fields[0]).toEqual({ key: 'field-applicantName', label: '申请人姓名', value: '卓*' });
    expect(view.fields[1]!.value).toBe('广东省深圳市…');
    expect(view.fields[4]!.value).toBe('补办证明');
    // Field buttons are named by their labels (the clerk can point at them); unknown ones are left out.
    expect(view.controls).toEqual([{ id: 'field-reason', label: '申请事由' }, { id: 'form-next', label: '下一步' }]);
  });

  it('sends none of the form\'s values without the prepared form, and leaves other steps alone', () => {
    const blind = clerkFormReport(REPORT, null);
    expect(blind.fields).toEqual([]);
    expect(blind.controls).toEqual([{ id: 'form-next', label: '下一步' }]);
    const materials = { ...REPORT, step: 'materials' };
    expect(clerkFormReport(materials, FORM)).toBe(materials);
  });
});
