// After submission (or for a picked-up application): print the A4 documents through the counter's CUPS
// printer and the thermal receipt on the receipt printer, check the platform's stage for the decision notices, and hand the rating pad to the resident.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '@easydo/core/contract/errors';
import type { DocumentKind, StageResponse } from '@easydo/core/contract/schemas/counter-documents';
import type { EvaluationDone } from '@easydo/core/contract/schemas/counter-evaluation';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { useEvent } from '@easydo/core/ui/terminal-context';
import { useCounter } from './counter-api';

export function DocumentsPanel({ localId, acceptanceNumber }: { localId: string; acceptanceNumber: string | null }) {
  const { t } = useTranslation('counter');
  const { invoke } = useCounter();
  const [stage, setStage] = useState<StageResponse | null>(null);
  const [printed, setPrinted] = useState<string[]>([]);
  const [error, setError] = useState<ContractError | null>(null);
  const [evaluation, setEvaluation] = useState<'idle' | 'asked' | EvaluationDone>('idle');

  useEvent(
    'evaluation:done',
    useCallback((e: EvaluationDone) => {
      if (e.acceptanceNumber === acceptanceNumber) setEvaluation(e);
    }, [acceptanceNumber]),
  );

  const print = async (kind: DocumentKind) => {
    setError(null);
    const r = await invoke('documents:print', { localId, kind });
    if (r.ok) setPrinted((p) => [...p, `${t(`doc_${kind}`)}：${t('printed', { queue: r.value.queue, job: r.value.jobId })}`]);
    else setError(r.error);
  };
  const checkStage = async () => {
    setError(null);
    const r = await invoke('documents:stage', { localId });
    if (r.ok) setStage(r.value);
    else setError(r.error);
  };
  const ask = async () => {
    setError(null);
    const r = await invoke('evaluation:request', { localId });
    if (r.ok) setEvaluation('asked');
    else setError(r.error);
  };

  const kinds: DocumentKind[] = stage?.documents ?? ['receipt', 'thermal', 'application'];
  return (
    <section className="documents-panel" data-testid="documents" aria-label={t('documents')}>
      <h3>{t('documents')}</h3>
      <div className="actions">
        {kinds.map((k) => (
          <button key={k} type="button" className="btn btn-secondary" data-testid={`print-${k}`} onClick={() => void print(k)}>
            {t(`doc_${k}`)}
          </button>
        ))}
        <button type="button" className="btn btn-secondary" data-testid="check-stage" onClick={() => void checkStage()}>
          {t('checkStage')}
        </button>
      </div>
      {stage && (
        <p data-testid="server-stage">
          {t('stage', { stage: stage.serverStage ?? t('none') })}
          {stage.reason ? ` · ${stage.reason}` : ''}
          {stage.supplementList.length ? ` · ${stage.supplementList.join('、')}` : ''}
        </p>
      )}
      <ul data-testid="printed">
        {printed.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
      {acceptanceNumber && (
        <div className="evaluation-status">
          {evaluation === 'idle' && (
            <button type="button" className="btn btn-primary" data-testid="ask-evaluation" onClick={() => void ask()}>
              {t('askEvaluation')}
            </button>
          )}
          {evaluation === 'asked' && <p role="status">{t('evaluationAsked')}</p>}
          {typeof evaluation === 'object' && (
            <p role="status" data-testid="evaluation-result">
              {evaluation.level ? t('evaluationDone', { level: evaluation.level }) : t('evaluationDeclined')}
            </p>
          )}
        </div>
      )}
      <ErrorNotice error={error} />
    </section>
  );
}
