// 好差评 pad on the resident-facing display: five levels for the overall rating, the offline indicators
// (服务效率 / 服务水平 / 服务态度), an optional comment typed on the on-screen keyboard (a resident display has no
// keyboard of its own). 不满意 / 非常不满意 opens the reasons and the callback offer. Voluntary: the resident may skip.
import { useState } from 'react';
import { OnScreenKeyboard } from '@easydo/core/ui/keyboard/OnScreenKeyboard';
import { PoorRatingFeedback } from '@easydo/core/ui/feedback/PoorRatingFeedback';
import { NO_FEEDBACK, poorRatingPayload, poorRatingProblem, type PoorRatingValue } from '@easydo/core/ui/feedback/poor-rating';
import { useTranslation } from 'react-i18next';
import type { EvaluationLevel, EvaluationRequested } from '@easydo/core/contract/schemas/counter-evaluation';
import type { ContractError } from '@easydo/core/contract/errors';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { useTerminal } from '@easydo/core/ui/terminal-context';

const LEVELS: EvaluationLevel[] = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'];
const INDICATORS = ['efficiency', 'quality', 'attitude'] as const;
type Indicator = (typeof INDICATORS)[number];

export function EvaluationPad({ request, onDone }: { request: EvaluationRequested; onDone: () => void }) {
  const { t, i18n } = useTranslation('counter');
  const { t: tf } = useTranslation('feedback');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const api = useTerminal();
  const [level, setLevel] = useState<EvaluationLevel | null>(null);
  const [indicators, setIndicators] = useState<Partial<Record<Indicator, EvaluationLevel>>>({});
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const [feedback, setFeedback] = useState<PoorRatingValue>(NO_FEEDBACK);
  const [tried, setTried] = useState(false);
  const [typing, setTyping] = useState(false);
  const poor = level === '不满意' || level === '非常不满意';
  const problem = poor ? poorRatingProblem(feedback) : null;
  const keyboardLabels = {
    pinyin: tf('keyboard.pinyin'), latin: tf('keyboard.latin'), symbols: tf('keyboard.symbols'), space: tf('keyboard.space'), backspace: tf('keyboard.backspace'),
    clear: tf('keyboard.clear'), shift: tf('keyboard.shift'), done: tf('keyboard.done'), candidates: tf('keyboard.candidates'), composing: tf('keyboard.composing'),
  };

  const send = async () => {
    setTried(true);
    if (!level || problem) return;
    const r = await api.invoke('evaluation:submit', {
      requestId: request.requestId, level, indicators: { overall: level, ...indicators }, ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(poor ? poorRatingPayload(feedback) : {}),
    });
    if (r.ok) onDone();
    else setError(r.error);
  };

  const stars = (l: EvaluationLevel) => '★'.repeat(5 - LEVELS.indexOf(l));
  return (
    <section className="evaluation-pad" data-testid="evaluation-pad" aria-label={t('evaluateTitle')}>
      <h2>{t('evaluateTitle')}</h2>
      <p>{t('evaluateItem', { item: request.itemName[lang], number: request.acceptanceNumber })}</p>
      <fieldset className="levels">
        <legend>{t('indicator_overall')}</legend>
        {LEVELS.map((l) => (
          <button key={l} type="button" className={level === l ? 'level selected' : 'level'} aria-pressed={level === l} data-testid={`level-${l}`} onClick={() => setLevel(l)}>
            <span aria-hidden="true">{stars(l)}</span> {l}
          </button>
        ))}
      </fieldset>
      {INDICATORS.map((k) => (
        <fieldset key={k} className="indicator">
          <legend>{t(`indicator_${k}`)}</legend>
          {LEVELS.map((l) => (
            <button key={l} type="button" className={indicators[k] === l ? 'level small selected' : 'level small'} aria-pressed={indicators[k] === l} data-testid={`indicator-${k}-${l}`} onClick={() => setIndicators((o) => ({ ...o, [k]: l }))}>
              {l}
            </button>
          ))}
        </fieldset>
      ))}
      {poor && <PoorRatingFeedback value={feedback} onChange={setFeedback} problem={tried ? problem : null} />}
      <div className="comment">
        <span>{t('comment')}</span>
        <textarea data-testid="evaluation-comment" maxLength={500} value={comment} inputMode="none" aria-label={t('comment')} onFocus={() => setTyping(true)} onChange={(e) => setComment(e.target.value)} />
        {typing && <OnScreenKeyboard value={comment} onChange={setComment} onDone={() => setTyping(false)} maxLength={500} labels={keyboardLabels} />}
      </div>
      <div className="actions">
        <button type="button" className="btn btn-primary" data-testid="evaluation-send" disabled={!level} onClick={() => void send()}>
          {t('send')}
        </button>
        <button type="button" className="btn btn-secondary" data-testid="evaluation-skip" onClick={() => void api.invoke('evaluation:decline', { requestId: request.requestId }).then(onDone)}>
          {t('skipEvaluation')}
        </button>
      </div>
      <ErrorNotice error={error} />
    </section>
  );
}
