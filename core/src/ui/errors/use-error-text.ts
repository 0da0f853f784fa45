// For screens that place an error's words themselves (a login line, a table cell): the same translation as
// ErrorNotice, as a function of the error.
import { useTranslation } from 'react-i18next';
import type { ContractError } from '@easydo/core/contract/errors';
import { describeError, langOf, type DescribedError, type Translate } from './describe-error';

export function useErrorText(fieldLabel?: (path: string) => string | undefined): (error: ContractError) => DescribedError {
  const { t, i18n } = useTranslation('errors');
  return (error) => describeError(error, t as Translate, langOf(i18n.language), fieldLabel);
}
