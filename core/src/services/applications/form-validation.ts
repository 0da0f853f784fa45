// The item's own rules, checked in main before an application is journaled: a resident learns about a missing
// or malformed field at once, on the screen, instead of an application failing later at the server.
import type { CatalogueItem } from '@easydo/backend-client/types';

export interface FieldIssue {
  path: string;
  message: string;
}

type FormValue = string | number | boolean;

export function validateForm(item: CatalogueItem, form: Record<string, FormValue>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of item.fields) {
    const value = form[field.key];
    const empty = value === undefined || value === '';
    if (empty) {
      if (field.required) issues.push({ path: field.key, message: `${field.label.zh}（${field.label.en}）is required` });
      continue;
    }
    const v = field.validation;
    if (field.type === 'number' && typeof value !== 'number' && Number.isNaN(Number(value))) {
      issues.push({ path: field.key, message: `${field.label.en} must be a number` });
      continue;
    }
    if (v?.pattern && !new RegExp(v.pattern, 'u').test(String(value))) issues.push({ path: field.key, message: `${field.label.en} has the wrong format` });
    if (v?.maxLength !== undefined && String(value).length > v.maxLength) issues.push({ path: field.key, message: `${field.label.en} is longer than ${v.maxLength}` });
    if (v?.min !== undefined && Number(value) < v.min) issues.push({ path: field.key, message: `${field.label.en} is below ${v.min}` });
    if (v?.max !== undefined && Number(value) > v.max) issues.push({ path: field.key, message: `${field.label.en} is above ${v.max}` });
    if (v?.options && !v.options.some((o) => o.value === String(value))) issues.push({ path: field.key, message: `${field.label.en} is not one of the choices` });
  }
  return issues;
}
