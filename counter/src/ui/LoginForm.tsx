// Clerk sign-in: staff id and password checked by the acceptance platform; a lockout after repeated failures
// is shown as such (with the platform's wait time), not as a wrong password.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClerkView } from '@easydo/core/contract/schemas/counter-clerk';
import type { ContractError } from '@easydo/core/contract/errors';
import { useTerminal } from '@easydo/core/ui/terminal-context';
import { useErrorText } from '@easydo/core/ui/errors/use-error-text';

export function LoginForm({ onSignedIn, notice }: { onSignedIn: (clerk: ClerkView) => void; notice: string | null }) {
  const { t } = useTranslation('counter');
  const api = useTerminal();
  const errorText = useErrorText();
  const [staffId, setStaffId] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const r = await api.invoke('counter:login', { staffId: staffId.trim().toUpperCase(), password });
    setBusy(false);
    setPassword('');
    if (r.ok) onSignedIn(r.value);
    else setError(r.error);
  };

  return (
    <form
      className="counter-login"
      aria-label={t('login')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('login')}</h2>
      {notice && <p role="status" data-testid="login-notice">{notice}</p>}
      <label className="field">
        <span>{t('staffId')}</span>
        <input data-testid="staff-id" name="staffId" autoComplete="off" value={staffId} onChange={(e) => setStaffId(e.target.value)} required />
      </label>
      <label className="field">
        <span>{t('password')}</span>
        <input data-testid="staff-password" name="password" type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      {error && (
        <p role="alert" className={error.reason === 'locked' ? 'error-notice locked' : 'error-notice'} data-testid="login-error" data-reason={error.reason ?? error.code}>
          {errorText(error).text}
        </p>
      )}
      <button type="submit" className="btn btn-primary" data-testid="sign-in" disabled={busy || !staffId || !password}>
        {busy ? t('signingIn') : t('signIn')}
      </button>
    </form>
  );
}
