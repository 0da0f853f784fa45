// What the kiosk screen reports of itself to a helping clerk: the step, the controls the resident can touch (by
// their test ids, so the clerk can point at one), the fields as shown, and the scanned pages by id. Digits of any
// long number typed into a field are masked here already (main checks again and refuses anything unmasked; the
// form step's fields are rebuilt in main from the prepared form, clerk-form.ts).
import { CONTROL_ID_PATTERN as CONTROL_ID, type HelpScreenReport } from '@easydo/core/contract/schemas/remote-help';

/** Long digit runs (phone, ID, account numbers) keep only their last 4 digits. */
export function maskDigits(text: string): string {
  return text.replace(/\d{6,}[\dXx]?/g, (run) => '*'.repeat(run.length - 4) + run.slice(-4));
}

const visible = (el: Element) => !(el as HTMLElement).hidden && (el as HTMLElement).offsetParent !== null;

export function reportScreen(root: HTMLElement, step: string, language: 'zh' | 'en', item: HelpScreenReport['item'], pages: HelpScreenReport['pages']): HelpScreenReport {
  const controls: HelpScreenReport['controls'] = [];
  for (const el of root.querySelectorAll('button[data-testid], a[data-testid], [role="button"][data-testid]')) {
    const id = el.getAttribute('data-testid') ?? '';
    if (!CONTROL_ID.test(id) || id.startsWith('help-') || !visible(el) || controls.some((c) => c.id === id)) continue;
    // An empty form field shows a placeholder ("tap to fill"), not a value: reported as empty.
    const label = el.querySelector('.placeholder') ? '' : maskDigits((el.textContent ?? '').trim()).slice(0, 60);
    // A control whose label is personal (a button naming the cardholder) is left out rather than sent.
    if (label.includes('*')) continue;
    controls.push({ id, label });
    if (controls.length >= 40) break;
  }
  const fields: HelpScreenReport['fields'] = [];
  for (const el of root.querySelectorAll('input[data-testid], textarea[data-testid], select[data-testid]')) {
    const input = el as HTMLInputElement;
    if (input.type === 'password' || input.type === 'hidden' || !visible(el)) continue;
    const key = (el.getAttribute('data-testid') ?? '').slice(0, 64);
    const label = (input.labels?.[0]?.textContent ?? input.getAttribute('aria-label') ?? key).trim().slice(0, 80);
    fields.push({ key, label, value: maskDigits(input.value ?? '').slice(0, 200) });
    if (fields.length >= 60) break;
  }
  // The form's own field values (buttons and locked outputs, by field key): main rebuilds them from the prepared
  // form and masks each by its type, so what is sent here is only what the screen shows, digits masked.
  for (const el of root.querySelectorAll('.field-value[data-testid^="field-"]')) {
    if (fields.length >= 60) break;
    const key = (el.getAttribute('data-testid') ?? '').slice(0, 64);
    if (!visible(el) || fields.some((f) => f.key === key)) continue;
    const labelId = el.getAttribute('aria-labelledby');
    const label = ((labelId ? root.querySelector(`[id="${labelId}"]`)?.textContent : null) ?? key).trim().slice(0, 80);
    const value = el.querySelector('.placeholder') ? '' : maskDigits((el.textContent ?? '').trim()).slice(0, 200);
    fields.push({ key, label, value });
  }
  return { step: step.replace(/[^A-Za-z]/g, '').slice(0, 32) || 'unknown', language, item, fields, pages, controls };
}
