// The form step as a helping clerk sees it, built here in main from the session's prepared form (the item's
// fields, their types and main's masked prefill) rather than from what the screen displays: every value is
// masked by its field's type (numbers and phones to their last digits, names like the card's name, addresses
// cut to their first few characters), and the field buttons are named by their labels, never by their values.
// Without the prepared form nothing of the form's values is sent (fail closed).
import type { FormFieldView } from '@easydo/core/contract/schemas/application';
import type { HelpScreenReport } from '@easydo/core/contract/schemas/remote-help';
import { maskIdNumber, maskName, maskPhone } from '../privacy/masking';
import { scrubShapes } from '../logging/text-shapes';

/** How much of an address the clerk sees: the province and city, enough to help, not enough to find anyone. */
export const ADDRESS_SHOWN_CHARS = 6;
const FIELD_CONTROL = 'field-';

/** One form value as the clerk may see it, masked by what kind of value the field holds. */
export function maskFormValue(field: Pick<FormFieldView, 'key' | 'type'>, value: string): string {
  const v = value.trim();
  if (!v) return '';
  if (field.type === 'idNumber') return maskIdNumber(v);
  if (field.type === 'phone') return maskPhone(v);
  if (/name$/i.test(field.key)) return maskName(v);
  if (/address/i.test(field.key)) return [...v].length > ADDRESS_SHOWN_CHARS ? `${[...v].slice(0, ADDRESS_SHOWN_CHARS).join('')}…` : v;
  // Any other value still loses whatever looks like a personal number.
  return scrubShapes(v);
}

/** The form step's report with its fields rebuilt from the prepared form; other steps pass unchanged. */
export function clerkFormReport(report: HelpScreenReport, form: readonly FormFieldView[] | null): HelpScreenReport {
  if (report.step !== 'form') return report;
  const byControl = new Map((form ?? []).map((f) => [`${FIELD_CONTROL}${f.key}`, f]));
  // What the screen shows in a field (typed, chosen or prefilled), masked again here by the field's type.
  const shown = new Map<string, string>();
  for (const c of report.controls) if (byControl.has(c.id)) shown.set(c.id, c.label);
  for (const f of report.fields) if (byControl.has(f.key)) shown.set(f.key, f.value);
  const fields = (form ?? []).slice(0, 60).map((f) => {
    const id = `${FIELD_CONTROL}${f.key}`;
    const value = shown.get(id) ?? f.display ?? '';
    return { key: id.slice(0, 64), label: f.label[report.language].slice(0, 80), value: maskFormValue(f, value).slice(0, 200) };
  });
  const controls = report.controls.flatMap((c) => {
    if (!c.id.startsWith(FIELD_CONTROL)) return [c];
    const f = byControl.get(c.id);
    return f ? [{ id: c.id, label: f.label[report.language].slice(0, 60) }] : [];
  });
  return { ...report, fields, controls };
}
