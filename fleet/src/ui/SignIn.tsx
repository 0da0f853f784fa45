import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@easydo/core/ui/Button';
import { api, ApiFailure, type Operator } from './api';

export function SignIn({ onSignedIn }: { onSignedIn: (op: Operator) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn((await api.signIn(username, password)).operator);
    } catch (err) {
      if (err instanceof ApiFailure && err.code === 'locked') setError(t('signIn.locked', { until: err.lockedUntil ? new Date(err.lockedUntil).toLocaleTimeString() : '' }));
      else if (err instanceof ApiFailure && err.status === 401) setError(t('signIn.wrong'));
      else setError(t('signIn.failed'));
    } finally {
      setBusy(false);
      setPassword('');
    }
  }

  return (
    <form className="sign-in" onSubmit={submit} aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{t('signIn.heading')}</h2>
      <label>
        {t('signIn.username')}
        <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
      </label>
      <label>
        {t('signIn.password')}
        <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      {error && (
        <p role="alert" className="error" data-testid="sign-in-error">
          {error}
        </p>
      )}
      <Button type="submit" disabled={busy}>
        {t('signIn.submit')}
      </Button>
    </form>
  );
}
