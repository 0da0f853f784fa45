// Edits one field with the input that suits it: choices, numeric pad, date pad, or the full keyboard.
import type { TFunction } from 'i18next';
import type { FormFieldView } from '@easydo/core/contract/schemas/application';
import { OnScreenKeyboard } from '@easydo/core/ui/keyboard/OnScreenKeyboard';
import { NumericPad } from '@easydo/core/ui/keyboard/NumericPad';
import { keypadFor } from '../form-rules';
import { useKeyboardLabels } from '../keyboard-labels';
import type { Lang } from '../screen-props';

export function FieldEditor({ field, value, onChange, onDone, lang, t }: { field: FormFieldView; value: string; onChange(v: string): void; onDone(): void; lang: Lang; t: TFunction<'journey'> }) {
  const labels = useKeyboardLabels(t);
  const pad = keypadFor(field);
  return (
    <div className="field-editor" data-testid="field-editor" aria-label={field.label[lang]} role="group">
      <p className="editing-label">
        {field.label[lang]}：<span className="editing-value" data-testid="editing-value">{value}</span>
      </p>
      {pad === 'choice' && (
        <div className="choices">
          {field.options!.map((o) => (
            <button key={o.value} type="button" className="chip" aria-pressed={value === o.value} data-testid={`option-${field.key}-${o.value}`} onClick={() => { onChange(o.value); onDone(); }}>
              {o.label[lang]}
            </button>
          ))}
        </div>
      )}
      {(pad === 'numeric' || pad === 'date') && (
        <NumericPad value={value} onChange={onChange} onDone={onDone} date={pad === 'date'} allowDot={field.type === 'number'} maxLength={field.type === 'phone' ? 11 : 12} labels={labels} />
      )}
      {pad === 'full' && <OnScreenKeyboard value={value} onChange={onChange} onDone={onDone} maxLength={field.maxLength ?? 500} initialLayout={field.type === 'idNumber' || field.pattern ? 'latin' : 'pinyin'} labels={labels} />}
    </div>
  );
}
