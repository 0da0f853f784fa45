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
  return (
    <fieldset className="counter-form" data-testid="form">
      <legend>{t('form')}</legend>
      {form.fields.map((f) => {
        // Beside an empty typed field only: a prefilled, shown or chosen-from-a-list field takes no offer.
        const offer = f.display === null && !f.options && !values[f.key] ? offers.find((o) => o.formKey === f.key) : undefined;
        return (
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
            {offer && (
              <span className="form-offer" data-testid={`offer-${f.key}`}>
                {t('offerRead', { material: materials.find((m) => m.code === offer.materialCode)?.name[lang] ?? offer.materialCode })}
                <bdi data-testid={`offer-value-${f.key}`}>{offer.value}</bdi>
                <button type="button" className="btn" data-testid={`use-offer-${f.key}`} onClick={() => onChange(f.key, offer.value.slice(0, f.maxLength ?? 500))}>
                  {t('offerUse')}
                </button>
              </span>
            )}
          </label>
        );
      })}
    </fieldset>
  );
}
