// 好差评: five levels (非常满意 … 非常不满意), overall required, the three on-site indicators optional;
// voluntary (skip is as easy as rating). Levels show stars AND words: colour is never the only signal.
// 不满意 / 非常不满意 overall opens the reasons and the callback offer (PoorRatingFeedback), sent with the rating.
import { useState } from 'react';
import { PoorRatingFeedback } from '@easydo/core/ui/feedback/PoorRatingFeedback';
import { NO_FEEDBACK, poorRatingPayload, poorRatingProblem, type PoorRatingValue } from '@easydo/core/ui/feedback/poor-rating';
import type { ScreenProps } from '../screen-props';
import type { Level } from '../journey-machine';

const LEVELS: Level[] = [1, 2, 3, 4, 5];
const INDICATORS = ['overall', 'efficiency', 'quality', 'attitude'] as const;
type Indicator = (typeof INDICATORS)[number];

export function EvaluationScreen({ send, t }: ScreenProps) {
  const [rated, setRated] = useState<Partial<Record<Indicator, Level>>>({});
  const [tried, setTried] = useState(false);
  const [feedback, setFeedback] = useState<PoorRatingValue>(NO_FEEDBACK);
  const poor = rated.overall !== undefined && rated.overall >= 4;
  const problem = poor ? poorRatingProblem(feedback) : null;
  const submit = () => {
    setTried(true);
    if (!rated.overall || problem) return;
    send({ type: 'RATE', evaluation: { level: rated.overall, indicators: { ...rated, overall: rated.overall }, ...(poor ? poorRatingPayload(feedback) : {}) } });
  };
  return (
    <section className="panel evaluation" data-testid="evaluation">
      <h2>{t('evaluation.title')}</h2>
      <p className="hint">{t('evaluation.voluntary')}</p>
      {INDICATORS.map((ind) => (
        <fieldset key={ind} className="rating" data-testid={`rating-${ind}`}>
          <legend>{t(`evaluation.${ind}`)}</legend>
          <div className="rating-levels">
            {LEVELS.map((l) => (
              <button key={l} type="button" className="rate" aria-pressed={rated[ind] === l} data-testid={`rate-${ind}-${l}`} onClick={() => setRated((r) => ({ ...r, [ind]: l }))}>
                <span aria-hidden="true">{'★'.repeat(6 - l)}</span> {t(`evaluation.levels.${l}`)}
              </button>
            ))}
          </div>
        </fieldset>
      ))}
      {poor && <PoorRatingFeedback value={feedback} onChange={setFeedback} problem={tried ? problem : null} />}
      {tried && !rated.overall && (
        <p className="error-notice" role="alert">
          {t('evaluation.needOverall')}
        </p>
      )}
      <div className="actions">
        <button type="button" className="btn btn-secondary btn-main" data-testid="evaluation-skip" onClick={() => send({ type: 'SKIP' })}>
          {t('evaluation.skip')}
        </button>
        <button type="button" className="btn btn-primary btn-main" data-testid="evaluation-submit" onClick={submit}>
          {t('evaluation.submit')}
        </button>
      </div>
    </section>
  );
}
