// The application form as the clerk fills it: card and library prefill shown masked (main merges the clear
// values on submission), the rest typed on the counter's keyboard.
import { useTranslation } from 'react-i18next';
import type { PreparedForm } from '@easydo/core/contract/schemas/application';

export function CounterForm({ form, values, onChange }: { form: PreparedForm; values: Record<string, string>; onChange: (key: string, value: string) => void }) {
  const { t, i18n } = useTranslation('counter');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <fieldset className="counter-form" data-testid="form">
      <legend>{t('form')}</legend>
      {form.fields.map((f) => (
        <label key={f.key} className="field">
          <span>
            {f.label[lang]}
            {f.required ? ' *' : ''}
          </span>
          {f.display !== null && !f.editable ? (
            <output data-testid={`field-${f.key}`}>{f.display}</output>
          ) : f.options ? (
            <select data-testid={`field-${f.key}`} value={values[f.key] ?? ''} onChange={(e) => onChange(f.key, e.target.value)}>
              <option value="">—</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label[lang]}
                </option>
              ))}
            </select>
          ) : (
            <input
              data-testid={`field-${f.key}`}
              placeholder={f.display ?? ''}
              value={values[f.key] ?? ''}
              maxLength={f.maxLength}
              type={f.type === 'number' ? 'number' : f.type === 'date' ? 'date' : 'text'}
              onChange={(e) => onChange(f.key, e.target.value)}
            />
          )}
        </label>
      ))}
    </fieldset>
  );
}
