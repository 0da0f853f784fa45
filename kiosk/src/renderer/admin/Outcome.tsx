// The clear result line under each diagnostic: running, OK (with what happened), or failed (with why).
import { useTranslation } from 'react-i18next';
import { useErrorText } from '@easydo/core/ui/errors/use-error-text';
import type { ActionState } from './useAction';

export function Outcome<T>({ state, testId, ok }: { state: ActionState<T>; testId: string; ok: (value: T) => string }) {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  if (state.running) return <p className="outcome running" data-testid={testId} data-result="running">{t('diag.running')}</p>;
  if (state.error)
    return (
      <p className="outcome bad" role="alert" data-testid={testId} data-result="failed">
        {t('diag.failed')}: {errorText(state.error).text}
      </p>
    );
  if (state.value !== null)
    return (
      <p className="outcome ok" data-testid={testId} data-result="ok">
        {t('diag.ok')}: {ok(state.value)}
      </p>
    );
  return null;
}
