// The panel a poor rating opens: large tiles of the standard reasons, the resident's own words on the on-screen
// keyboard, and a callback (回访) whose phone is typed on the numeric pad and shown masked (press to show).
// The phone lives in this component's state only; nothing here logs it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maskPhone, POOR_RATING_REASONS } from '../../contract/schemas/evaluation-feedback';
import { NumericPad } from '../keyboard/NumericPad';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard';
import { toggleReason, type PoorRatingProblem, type PoorRatingValue } from './poor-rating';

export function PoorRatingFeedback({ value, onChange, problem }: { value: PoorRatingValue; onChange(v: PoorRatingValue): void; problem: PoorRatingProblem | null }) {
  const { t } = useTranslation('feedback');
  const [editing, setEditing] = useState<'text' | 'phone' | null>(null);
  const [showPhone, setShowPhone] = useState(false);
  const keyboardLabels = {
    pinyin: t('keyboard.pinyin'), latin: t('keyboard.latin'), symbols: t('keyboard.symbols'), space: t('keyboard.space'), backspace: t('keyboard.backspace'),
    clear: t('keyboard.clear'), shift: t('keyboard.shift'), done: t('keyboard.done'), candidates: t('keyboard.candidates'), composing: t('keyboard.composing'),
  };
  const padLabels = { backspace: t('keyboard.backspace'), clear: t('keyboard.clear'), done: t('keyboard.done') };
  const hide = () => setShowPhone(false);
  return (
    <div className="poor-rating" data-testid="poor-rating">
      <fieldset className="reason-tiles">
        <legend>{t('title')}</legend>
        {POOR_RATING_REASONS.map((r) => (
          <button key={r} type="button" className="reason-tile" aria-pressed={value.reasons.includes(r)} data-testid={`reason-${r}`} onClick={() => onChange(toggleReason(value, r))}>
            {t(`reasons.${r}`)}
          </button>
        ))}
      </fieldset>
      <div className="feedback-text">
        <span>{t('text')}</span>
        <button type="button" className="field-value" data-testid="feedback-text" aria-expanded={editing === 'text'} onClick={() => setEditing(editing === 'text' ? null : 'text')}>
          {value.reasonText || t('textEdit')}
        </button>
        {editing === 'text' && <OnScreenKeyboard value={value.reasonText} onChange={(reasonText) => onChange({ ...value, reasonText })} onDone={() => setEditing(null)} maxLength={200} labels={keyboardLabels} />}
      </div>
      <div className="callback">
        <button type="button" className="reason-tile" aria-pressed={value.callback} data-testid="callback-toggle" onClick={() => { onChange({ ...value, callback: !value.callback, phone: '' }); setEditing(value.callback ? null : 'phone'); }}>
          {t('callback')}
        </button>
        {value.callback && (
          <>
            <p className="hint">{t('callbackHint')}</p>
            <span className="callback-phone">
              {t('phone')}
              <button type="button" className="field-value" data-testid="callback-phone" data-speak="skip" onClick={() => setEditing('phone')}>
                {value.phone ? (showPhone ? value.phone : maskPhone(value.phone)) : t('phoneEmpty')}
              </button>
              <button type="button" className="btn btn-secondary" data-testid="callback-phone-show" aria-pressed={showPhone} onPointerDown={() => setShowPhone(true)} onPointerUp={hide} onPointerLeave={hide} onPointerCancel={hide} onBlur={hide}>
                {t('holdToShow')}
              </button>
            </span>
            {editing === 'phone' && <NumericPad value={value.phone} onChange={(phone) => onChange({ ...value, phone })} onDone={() => setEditing(null)} maxLength={12} labels={padLabels} testIdPrefix="cb" />}
          </>
        )}
      </div>
      {problem && (
        <p className="error-notice" role="alert" data-testid="poor-rating-problem" data-problem={problem}>
          {t(problem)}
        </p>
      )}
    </div>
  );
}
