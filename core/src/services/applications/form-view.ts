// Turns an item's fields plus prefill into what the screen shows. Personal values are masked here, in main:
// the renderer never holds a full ID number, name or phone number.
import type { CatalogueItem } from '@easydo/backend-client/types';
import type { FormFieldView, PreparedForm } from '@easydo/core/contract/schemas/application';
import { maskIdNumber, maskName, maskPhone } from '@easydo/core/services/privacy/masking';
import type { Prefill } from './prefill';
import type { FormValue } from '@easydo/core/contract/schemas/application';

function displayOf(key: string, type: FormFieldView['type'], value: FormValue): string {
  const text = String(value);
  if (type === 'idNumber') return maskIdNumber(text);
  if (type === 'phone') return maskPhone(text);
  if (/name$/i.test(key)) return maskName(text);
  return text;
}

export function toPreparedForm(item: CatalogueItem, prefill: Prefill): PreparedForm {
  return {
    itemCode: item.code,
    fields: item.fields.map((f) => {
      const p = prefill[f.key];
      const view: FormFieldView = {
        key: f.key,
        label: f.label,
        type: f.type,
        required: f.required,
        editable: p ? p.editable : true,
        prefilled: p?.source ?? null,
        display: p ? displayOf(f.key, f.type, p.value) : null,
      };
      if (f.validation?.options) view.options = f.validation.options;
      if (f.validation?.pattern) view.pattern = f.validation.pattern;
      if (f.validation?.maxLength !== undefined) view.maxLength = f.validation.maxLength;
      if (f.validation?.min !== undefined) view.min = f.validation.min;
      if (f.validation?.max !== undefined) view.max = f.validation.max;
      return view;
    }),
  };
}
