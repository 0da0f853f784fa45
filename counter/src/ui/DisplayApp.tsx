// The counter's resident-facing second screen: the number being called (shown large and spoken), the last
// few calls, and the 好差评 pad when the clerk hands it over.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketCalled } from '@easydo/core/contract/schemas/counter-queue';
import type { EvaluationRequested } from '@easydo/core/contract/schemas/counter-evaluation';
import { useEvent, useQuery } from '@easydo/core/ui/terminal-context';
import { EvaluationPad } from './EvaluationPad';
import { speak } from './speak';
import './counter.css';

export function DisplayApp() {
  const { t, i18n } = useTranslation('counter');
  const info = useQuery('terminal:info', {});
  const [calls, setCalls] = useState<TicketCalled[]>([]);
  const [pad, setPad] = useState<EvaluationRequested | null>(null);
  const [thanks, setThanks] = useState(false);

  useEvent(
    'queue:called',
    useCallback(
      (c: TicketCalled) => {
        setCalls((old) => [c, ...old.filter((o) => o.number !== c.number)].slice(0, 6));
        // Spoken in Chinese as the hall hears it; numbers read digit by digit.
        speak(t('displayCalling', { number: c.number.split('').join(' '), window: c.windowNo, lng: 'zh-CN' }), 'zh-CN');
      },
      [t],
    ),
  );
  useEvent('evaluation:requested', useCallback((r: EvaluationRequested) => {
    setThanks(false);
    setPad(r);
  }, []));
  useEvent('evaluation:done', useCallback(() => setPad(null), []));
  useEffect(() => {
    if (!thanks) return;
    const timer = window.setTimeout(() => setThanks(false), 5000);
    return () => window.clearTimeout(timer);
  }, [thanks]);

  const latest = calls[0];
  return (
    <main className="display" data-testid="display" lang={i18n.language}>
      {pad ? (
        <EvaluationPad
          request={pad}
          onDone={() => {
            setPad(null);
            setThanks(true);
          }}
        />
      ) : thanks ? (
        <p className="display-thanks" role="status" data-testid="evaluation-thanks">{t('thanks')}</p>
      ) : (
        <>
          <h1>{t('displayWelcome', { centre: info.data?.centreName ?? '' })}</h1>
          <section className="display-call" aria-live="assertive" data-testid="display-call" data-number={latest?.number ?? ''}>
            {latest ? (
              <>
                <span className="display-number">{latest.number}</span>
                <span className="display-window">{t('displayCalling', { number: latest.number, window: latest.windowNo })}</span>
              </>
            ) : (
              <span className="display-idle">{t('queueNone')}</span>
            )}
          </section>
          {calls.length > 1 && (
            <section className="display-recent">
              <h2>{t('displayRecent')}</h2>
              <ul>
                {calls.slice(1).map((c) => (
                  <li key={c.number}>
                    {c.number} → {t('window', { no: c.windowNo })}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </main>
  );
}
