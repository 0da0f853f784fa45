// Progress query: acceptance number + query password (on-screen keyboard and keypad), the receipt's QR code
// (a keyboard-wedge scanner types into the focused field and ends with Enter; or the camera), or the card.
import { useState } from 'react';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { OnScreenKeyboard } from '@easydo/core/ui/keyboard/OnScreenKeyboard';
import { NumericPad } from '@easydo/core/ui/keyboard/NumericPad';
import { QrCameraScanner } from '@easydo/core/ui/QrCameraScanner';
import { useCaptureScreen } from '@easydo/core/ui/use-capture-screen';
import type { ScreenProps } from '../screen-props';
import { useKeyboardLabels } from '../keyboard-labels';
import { ScanReceiptButton } from './ScanReceiptButton';
import { BackButton } from '../BackButton';

export function QueryScreen({ ctx, send, t, lang }: ScreenProps) {
  const labels = useKeyboardLabels(t);
  // After a wrong password the machine hands the number back: only the password is typed again.
  const kept = ctx.queryRequest?.by === 'number' ? ctx.queryRequest.acceptanceNumber : '';
  const [number, setNumber] = useState(kept);
  const [password, setPassword] = useState('');
  // The password is masked in a public hall; held down, the eye button shows it (released, it hides again).
  const [showPassword, setShowPassword] = useState(false);
  const [qr, setQr] = useState('');
  const [editing, setEditing] = useState<'number' | 'password' | null>(kept ? 'password' : 'number');
  const [camera, setCamera] = useState(false);
  const [cameraError, setCameraError] = useState<string | null>(null);
  useCaptureScreen(camera);
  const askQr = (payload: string) => payload.trim() && send({ type: 'ASK', request: { by: 'qr', payload: payload.trim() } });
  return (
    <section className="panel query" data-testid="query-screen">
      <h2>{t('query.title')}</h2>
      <ErrorNotice error={ctx.error} />
      <div className="query-ways">
        <fieldset className="query-way">
          <legend>{t('query.byNumber')}</legend>
          <label className="query-field">
            <span>{t('query.number')}</span>
            <input data-testid="query-number" value={number} inputMode="none" autoComplete="off" onFocus={() => setEditing('number')} onChange={(e) => setNumber(e.target.value.toUpperCase())} />
          </label>
          <label className="query-field">
            <span>{t('query.password')}</span>
            <span className="password-field">
              <input
                data-testid="query-password"
                type={showPassword ? 'text' : 'password'}
                value={password}
                inputMode="none"
                autoComplete="off"
                data-speak="skip"
                onFocus={() => setEditing('password')}
                onChange={(e) => setPassword(e.target.value.replace(/\D/g, ''))}
              />
              <button
                type="button"
                className="btn btn-secondary"
                data-testid="query-password-show"
                aria-pressed={showPassword}
                onPointerDown={() => setShowPassword(true)}
                onPointerUp={() => setShowPassword(false)}
                onPointerLeave={() => setShowPassword(false)}
                onPointerCancel={() => setShowPassword(false)}
                onKeyDown={(e) => (e.key === ' ' || e.key === 'Enter') && setShowPassword(true)}
                onKeyUp={() => setShowPassword(false)}
                onBlur={() => setShowPassword(false)}
              >
                {t('query.holdToShow')}
              </button>
            </span>
          </label>
          {editing === 'number' && <OnScreenKeyboard key="number" value={number} onChange={(v) => setNumber(v.toUpperCase())} onDone={() => setEditing('password')} initialLayout="latin" maxLength={64} labels={labels} />}
          {editing === 'password' && <NumericPad value={password} onChange={setPassword} onDone={() => setEditing(null)} maxLength={32} labels={labels} testIdPrefix="pw" />}
          <button type="button" className="btn btn-primary btn-main" data-testid="query-submit" disabled={!number || !password} onClick={() => send({ type: 'ASK', request: { by: 'number', acceptanceNumber: number, queryPassword: password } })}>
            {t('query.search')}
          </button>
        </fieldset>
        <fieldset className="query-way">
          <legend>{t('query.byQr')}</legend>
          <p className="hint">{t('query.qrHint')}</p>
          <ScanReceiptButton lang={lang} onPayload={askQr} />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              askQr(qr);
            }}
          >
            <label className="query-field">
              <span>{t('query.qrInput')}</span>
              <input data-testid="query-qr" value={qr} inputMode="none" autoComplete="off" onChange={(e) => setQr(e.target.value)} />
            </label>
          </form>
          {camera ? (
            <QrCameraScanner label={t('query.byQr')} onCode={askQr} onError={setCameraError} />
          ) : (
            <button type="button" className="btn btn-secondary" data-testid="query-camera" onClick={() => setCamera(true)}>
              {t('query.startCamera')}
            </button>
          )}
          {/* The browser's sentence is for the log: the resident reads that the camera is not working. */}
          {cameraError && <ErrorNotice error={{ code: 'device', reason: 'device-fault', params: { device: 'documentCamera' }, message: cameraError }} />}
        </fieldset>
        <fieldset className="query-way">
          <legend>{t('query.byCard')}</legend>
          {ctx.card ? (
            <button type="button" className="btn btn-primary" data-testid="query-by-card" onClick={() => send({ type: 'ASK', request: { by: 'card' } })}>
              {t('query.byCard')}
            </button>
          ) : (
            <p className="hint">{t('query.placeCardHint')}</p>
          )}
        </fieldset>
      </div>
      <div className="actions">
        <BackButton send={send} t={t} />
      </div>
    </section>
  );
}
