// The counter's resident-facing second screen (called numbers, evaluation pad). Grows with counter mode.
import { useTranslation } from 'react-i18next';

export function DisplayApp() {
  const { t } = useTranslation();
  return (
    <main className="display" data-testid="display">
      <h1>{t('counter.title')}</h1>
    </main>
  );
}
