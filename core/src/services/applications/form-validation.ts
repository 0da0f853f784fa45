// The item's own rules, checked in main before an application is journaled: a resident learns about a missing
// or malformed field at once, on the screen, instead of an application failing later at the server.
// Each issue names its field (label) and what is wrong (problem) so screens can say it in the resident's language.
import type { CatalogueItem } from '@easydo/backend-client/types';
import type { ErrorIssue, ErrorParams, IssueProblem } from '@easydo/core/contract/errors';
import type { FormValue } from '@easydo/core/contract/schemas/application';

export type FieldIssue = ErrorIssue;


export function validateForm(item: CatalogueItem, form: Record<string, FormValue>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of item.fields) {
    const issue = (problem: IssueProblem, message: string, params?: ErrorParams) =>
      issues.push({ path: field.key, message, problem, label: { zh: field.label.zh, en: field.label.en }, ...(params ? { params } : {}) });
    const value = form[field.key];
    const empty = value === undefined || value === '';
    if (empty) {
      if (field.required) issue('required', `${field.label.en} is required`);
      continue;
    }
    const v = field.validation;
    if (field.type === 'number' && typeof value !== 'number' && Number.isNaN(Number(value))) {
      issue('number', `${field.label.en} must be a number`);
      continue;
    }
    if (v?.pattern && !new RegExp(v.pattern, 'u').test(String(value))) issue('pattern', `${field.label.en} has the wrong format`);
    if (v?.maxLength !== undefined && String(value).length > v.maxLength) issue('maxLength', `${field.label.en} is longer than ${v.maxLength}`, { max: v.maxLength });
    if (v?.min !== undefined && Number(value) < v.min) issue('min', `${field.label.en} is below ${v.min}`, { min: v.min });
    if (v?.max !== undefined && Number(value) > v.max) issue('max', `${field.label.en} is above ${v.max}`, { max: v.max });
    if (v?.options && !v.options.some((o) => o.value === String(value))) issue('option', `${field.label.en} is not one of the choices`);
  }
  return issues;
}
