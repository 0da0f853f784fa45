// The application form: prefilled values marked (and locked where the item says so), the rest typed on the
// on-screen keyboard (pinyin with candidates), the numeric pad (numbers, phones, dates) or big choices.
import { useState } from 'react';
import type { FormFieldView } from '@easydo/core/contract/schemas/application';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import type { ScreenProps } from '../screen-props';
import { fieldProblem, isEditable, missingRequired } from '../form-rules';
import { FieldEditor } from './FieldEditor';
import { BackButton } from '../BackButton';

export function FormScreen(props: ScreenProps) {
  const { ctx, send, lang, t } = props;
  const form = ctx.form;
  const [editing, setEditing] = useState<string | null>(() => (form ? (missingRequired(form, ctx.values)[0] ?? null) : null));
  const [tried, setTried] = useState(false);
  if (!form) return null;
  const missing = missingRequired(form, ctx.values);
  // The errors table words a problem to follow a field's name ("Name: required"); alone under the field it
  // starts a sentence.
  const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const problemText = (f: FormFieldView): string | null => {
    const server = ctx.issues.find((i) => i.path === f.key);
    if (server) return sentence(t(`errors:problems.${server.problem ?? 'invalid'}`, server.params ?? {}));
    const p = fieldProblem(f, ctx.values[f.key]);
    if (!p || (p === 'required' && !tried)) return null;
    if (p === 'date') return t('form.dateProblem');
    return sentence(t(`errors:problems.${p}`, { min: f.min, max: f.max ?? f.maxLength }));
  };
  const field = form.fields.find((f) => f.key === editing) ?? null;
  const next = () => {
    setTried(true);
    if (missing.length > 0) setEditing(missing[0]!);
    send({ type: 'NEXT' });
  };
  return (
    <section className="panel form-screen" data-testid="form">
      <h2>{t('form.title')}</h2>
      <p className="hint">{t('form.hint')}</p>
      {ctx.issues.length > 0 && <ErrorNotice error={{ code: 'validation', reason: 'form-invalid', message: 'form-invalid' }} />}
      <div className="fields">
        {form.fields.map((f) => {
          const editable = isEditable(f);
          const problem = problemText(f);
          const value = ctx.values[f.key];
          const shown = value !== undefined && value !== '' ? (f.options?.find((o) => o.value === value)?.label[lang] ?? value) : f.display;
          return (
            <div key={f.key} className={`field-row${editing === f.key ? ' editing' : ''}${problem ? ' has-problem' : ''}`}>
              <span className="field-label" id={`label-${f.key}`}>
                {f.label[lang]}
                {f.required && <span className="req"> *<span className="sr-only">{t('common.required')}</span></span>}
              </span>
              {editable ? (
                <button type="button" className="field-value" data-testid={`field-${f.key}`} aria-labelledby={`label-${f.key}`} aria-describedby={problem ? `problem-${f.key}` : undefined} aria-pressed={editing === f.key} onClick={() => setEditing(f.key)}>
                  {shown ?? <span className="placeholder">{f.options ? t('form.choose') : t('form.tapToEdit')}</span>}
                </button>
              ) : (
                <output className="field-value locked" data-testid={`field-${f.key}`} aria-labelledby={`label-${f.key}`}>
                  {f.display}
                </output>
              )}
              {f.prefilled && (
                <span className="badge" data-testid={`prefilled-${f.key}`}>
                  {f.prefilled === 'card' ? t('form.fromCard') : t('form.fromLibrary')}
                  {!editable && ` · ${t('form.locked')}`}
                </span>
              )}
              {problem && (
                <span className="field-problem" id={`problem-${f.key}`} role="alert" data-testid={`field-error-${f.key}`}>
                  {problem}
                </span>
              )}
            </div>
          );
        })}
      </div>
      {field && isEditable(field) && (
        <FieldEditor
          key={field.key}
          field={field}
          value={ctx.values[field.key] ?? ''}
          onChange={(v) => send({ type: 'FIELD', key: field.key, value: v })}
          onDone={() => {
            const rest = missingRequired(form, ctx.values).filter((k) => k !== field.key);
            setEditing(rest[0] ?? null);
          }}
          lang={lang}
          t={t}
        />
      )}
      {tried && missing.length > 0 && (
        <p className="error-notice" role="alert" data-testid="form-missing">
          {t('form.missing', { count: missing.length })}
        </p>
      )}
      <div className="actions">
        <BackButton send={send} t={t} />
        <button type="button" className="btn btn-primary btn-main" data-testid="form-next" onClick={next}>
          {t('common.next')}
        </button>
      </div>
    </section>
  );
}
