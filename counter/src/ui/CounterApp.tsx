// Counter mode (walking skeleton): the clerk sign-in screen. Queue, intake and verification grow here.
import { useTranslation } from 'react-i18next';

export function CounterApp() {
  const { t } = useTranslation();
  return (
    <main className="counter" data-testid="counter">
      <h1>{t('counter.title')}</h1>
      <form className="login" onSubmit={(e) => e.preventDefault()} aria-label={t('counter.login')}>
        <h2>{t('counter.login')}</h2>
        <label>
          {t('counter.staffId')}
          <input name="staffId" autoComplete="off" />
        </label>
        <label>
          {t('counter.password')}
          <input name="password" type="password" autoComplete="off" />
        </label>
        <button type="submit" className="btn btn-primary" disabled>
          {t('counter.signIn')}
        </button>
        <p>{t('counter.comingSoon')}</p>
      </form>
    </main>
  );
}
