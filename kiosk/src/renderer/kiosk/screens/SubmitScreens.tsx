import { useEffect, useState } from 'react';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { ProgressBar } from '@easydo/core/ui/ProgressBar';
import type { ScreenProps } from '../screen-props';
import { BackButton } from '../BackButton';

/** Visible progress while main journals and delivers: the bar creeps toward 90% until the answer comes. */
export function SubmittingScreen({ t }: ScreenProps) {
  const [p, setP] = useState(0.1);
  useEffect(() => {
    const timer = setInterval(() => setP((v) => Math.min(0.9, v + (0.9 - v) * 0.15)), 300);
    return () => clearInterval(timer);
  }, []);
  return (
    <section className="panel submitting" data-testid="submitting" aria-busy="true">
      <h2>{t('submit.title')}</h2>
      <ProgressBar value={p} label={t('submit.sending')} testId="submit-progress" />
    </section>
  );
}

export function SubmitFailedScreen({ ctx, send, t }: ScreenProps) {
  return (
    <section className="panel" data-testid="submit-failed">
      <h2>{t('submit.failed')}</h2>
      <ErrorNotice error={ctx.error} />
      <div className="actions">
        <BackButton send={send} t={t} />
        <button type="button" className="btn btn-primary btn-main" data-testid="retry" onClick={() => send({ type: 'RETRY' })}>
          {t('common.retry')}
        </button>
      </div>
    </section>
  );
}
