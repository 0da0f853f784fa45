// Why the terminal is out of service, in the screen's language: each failed device by its kind and status (or
// its known fault), never the driver's English sentence.
import { useTranslation } from 'react-i18next';
import type { ServiceState } from '@easydo/core/contract/schemas/device';
import { describeDevice, langOf, type Translate } from './describe-error';

export function useDeviceReasons(): (reasons: ServiceState['reasons']) => string {
  const { t, i18n } = useTranslation('errors');
  const separator = langOf(i18n.language) === 'en' ? '; ' : '；';
  return (reasons) =>
    reasons
      .map((r) => describeDevice({ kind: r.kind ?? r.code.split('.')[0], status: r.status ?? 'offline', fault: r.fault }, t as Translate))
      .filter((text, i, all) => all.indexOf(text) === i)
      .join(separator);
}
