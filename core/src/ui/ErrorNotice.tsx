// A contract error as the screen says it: translated by reason/code (core/src/ui/errors), the fields named.
import { useTranslation } from 'react-i18next';
import type { ContractError } from '@easydo/core/contract/errors';
import { describeError, langOf } from './errors/describe-error';

export function ErrorNotice({ error, fieldLabel }: { error: ContractError | undefined | null; fieldLabel?: (path: string) => string | undefined }) {
  const { t, i18n } = useTranslation('errors');
  if (!error) return null;
  const described = describeError(error, t as (key: string, options?: Record<string, unknown>) => string, langOf(i18n.language), fieldLabel);
  return (
    <div role="alert" className="error-notice" data-code={error.code} data-reason={error.reason}>
      <p>{described.text}</p>
      {described.issues.length > 0 && (
        <ul className="error-issues" aria-label={t('issuesHeading')}>
          {described.issues.map((i) => (
            <li key={i.path} data-path={i.path}>
              {i.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
