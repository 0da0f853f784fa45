// The application form as the clerk fills it: card and library prefill shown masked (main merges the clear
// values on submission), the rest typed on the counter's keyboard, or taken with a touch from what was read off a
// material (an offer stays beside its empty field; the clerk decides, nothing is filled by itself).
import { useTranslation } from 'react-i18next';
import type { PreparedForm } from '@easydo/core/contract/schemas/application';
import type { FormOffer, MaterialRequirement } from '@easydo/core/contract/schemas/counter-intake';

interface CounterFormProps {
  form: PreparedForm;
  values: Record<string, string>;
  onChange: (key: string, value: string) => void;
  offers?: readonly FormOffer[];
  /** The item's materials, to name where an offer was read. */
  materials?: readonly MaterialRequirement[];
}

export function CounterForm({ form, values, onChange, offers = [], materials = [] }: CounterFormProps) {
  const { t, i18n } = useTranslation('counter');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const offerFor = (key: string) => (values[key] ? undefined : offers.find((o) => o.formKey === key));
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
          {f.display === null && !f.options && offerFor(f.key) && (
            <span className="form-offer" data-testid={`offer-${f.key}`}>
              {t('offerRead', { material: materials.find((m) => m.code === offerFor(f.key)!.materialCode)?.name[lang] ?? offerFor(f.key)!.materialCode })}
              <bdi data-testid={`offer-value-${f.key}`}>{offerFor(f.key)!.value}</bdi>
              <button type="button" className="btn" data-testid={`use-offer-${f.key}`} onClick={() => onChange(f.key, offerFor(f.key)!.value.slice(0, f.maxLength ?? 500))}>
                {t('offerUse')}
              </button>
            </span>
          )}
        </label>
      ))}
    </fieldset>
  );
}
