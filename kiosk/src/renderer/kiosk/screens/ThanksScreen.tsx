// Thank-you: the only screen that moves on by itself, and it says when (the resident is done here).
import { useEffect, useState } from 'react';
import type { ScreenProps } from '../screen-props';

export function ThanksScreen({ ctx, send, t }: ScreenProps) {
  const total = Math.round(ctx.timing.thanksMs / 1000);
  const [left, setLeft] = useState(total);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setLeft(Math.max(0, total - Math.floor((Date.now() - started) / 1000))), 500);
    return () => clearInterval(timer);
  }, [total]);
  return (
    <section className="panel thanks" data-testid="thanks">
      <h2>{t('thanks.title')}</h2>
      <p className="lead">{t('thanks.body', { seconds: left, count: left })}</p>
      <div className="actions">
        <button type="button" className="btn btn-primary btn-main" data-testid="finish" onClick={() => send({ type: 'FINISH' })}>
          {t('thanks.done')}
        </button>
      </div>
    </section>
  );
}
