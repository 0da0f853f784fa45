// Walking-skeleton form: prefilled fields shown (masked by main), empty ones typed on the system keyboard.
// The full journey replaces it with the on-screen keyboard, pinyin candidates and per-field guidance.
import { useTranslation } from 'react-i18next';
import type { PreparedForm } from '@easydo/core/contract/schemas/application';

export function SimpleForm({ form, values, onChange }: { form: PreparedForm; values: Record<string, string>; onChange: (key: string, value: string) => void }) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <div className="simple-form" data-testid="form">
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
            <input data-testid={`field-${f.key}`} placeholder={f.display ?? ''} value={values[f.key] ?? ''} onChange={(e) => onChange(f.key, e.target.value)} />
          )}
        </label>
      ))}
    </div>
  );
}
