// The form's own rules on the renderer side: which required fields are still empty, whether a typed value fits
// the field's pattern/range (guidance only: main validates again and answers with typed issues), and the
// payload sent to application:submit (typed values only; prefilled values are merged in main).
import type { FormFieldView, PreparedForm } from '@easydo/core/contract/schemas/application';

export type Problem = 'required' | 'pattern' | 'number' | 'min' | 'max' | 'maxLength' | 'option' | 'date';

/** Required fields with neither a prefilled value nor a typed one. */
export function missingRequired(form: PreparedForm, values: Record<string, string>): string[] {
  return form.fields.filter((f) => f.required && f.display === null && !(values[f.key] ?? '').trim()).map((f) => f.key);
}

export function fieldProblem(field: FormFieldView, raw: string | undefined): Problem | null {
  const value = (raw ?? '').trim();
  if (!value) return field.required && field.display === null ? 'required' : null;
  if (field.type === 'number') {
    if (!/^-?\d+(\.\d+)?$/.test(value)) return 'number';
    if (field.min !== undefined && Number(value) < field.min) return 'min';
    if (field.max !== undefined && Number(value) > field.max) return 'max';
  }
  if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'date';
  if (field.pattern && !new RegExp(field.pattern, 'u').test(value)) return 'pattern';
  if (field.maxLength !== undefined && value.length > field.maxLength) return 'maxLength';
  if (field.options && !field.options.some((o) => o.value === value)) return 'option';
  return null;
}

/** Whether this field can be typed by the resident (not a fixed prefilled value). */
export function isEditable(field: FormFieldView): boolean {
  return field.display === null || field.editable;
}

/** Typed values for application:submit, numbers as numbers; empty entries dropped. */
export function toSubmission(form: PreparedForm, values: Record<string, string>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const f of form.fields) {
    const v = (values[f.key] ?? '').trim();
    if (!v || !isEditable(f)) continue;
    out[f.key] = f.type === 'number' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  }
  return out;
}

/** Which keypad a field gets: digits for numbers, phones and dates; the full keyboard otherwise. */
export function keypadFor(field: FormFieldView): 'numeric' | 'date' | 'full' | 'choice' {
  if (field.options) return 'choice';
  if (field.type === 'number' || field.type === 'phone') return 'numeric';
  if (field.type === 'date') return 'date';
  return 'full';
}
