// 亮码办事: the resident shows a phone's dynamic identity code to the terminal's upward 2D imager. Main waits
// for it on the scanner, the platform verifies it, and only the masked identity comes back here (the code
// never reaches the renderer). `session` starts the visit by code; `confirm` is card plus code. The panel
// shows where the imager is, speaks the instruction, counts down and warns before the scan times out.
import { useEffect, useRef, useState } from 'react';
import type { ContractError } from '@easydo/core/contract/errors';
import type { CodeKind, IdentityOptions } from '@easydo/core/contract/schemas/identity-code';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { CallError, call, useTerminal } from '@easydo/core/ui/terminal-context';
import type { JourneyEvent } from '../journey-machine';
import type { Lang } from '../screen-props';
import { PHONE_CODE_TEXT } from './phone-code-text';
import { TerminalFrontArt } from '../hardware-layout';

const WARN_SECONDS = 10;

export function PhoneCodeScreen({ send, lang, speak, mode }: { send: (e: JourneyEvent) => void; lang: Lang; speak: (text: string) => void; mode: 'session' | 'confirm' }) {
  const api = useTerminal();
  const text = PHONE_CODE_TEXT[lang];
  const [options, setOptions] = useState<IdentityOptions | null>(null);
  const [scanning, setScanning] = useState(false);
  const [left, setLeft] = useState(0);
  const [error, setError] = useState<ContractError | null>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    void call(api, 'identity:options', {}).then((o) => alive.current && setOptions(o)).catch(() => undefined);
    return () => {
      alive.current = false;
      void api.invoke('identity:cancelScan', {}); // leaving the screen stops the wait in main
    };
  }, [api]);

  useEffect(() => {
    if (!scanning) return;
    const timer = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearInterval(timer);
  }, [scanning]);

  useEffect(() => {
    if (scanning && left === WARN_SECONDS) speak(text.warning);
  }, [scanning, left, speak, text]);

  if (!options?.available) return null;

  const start = async (codeKind: CodeKind) => {
    setError(null);
    setLeft(options.scanTimeoutSeconds);
    setScanning(true);
    speak(`${mode === 'confirm' ? text.confirmTitle : text.title}。${text.instruction}`);
    try {
      const channel = mode === 'confirm' ? 'identity:confirmWithCode' : 'identity:scanCode';
      const identity = await call(api, channel, { codeKind });
      if (!alive.current) return;
      // A session by code is a resident session like a card's: the journey carries on as after a card read.
      if (mode === 'session') send({ type: 'CARD_READ', card: identity.card });
      else send({ type: 'APPLY' });
    } catch (err) {
      if (alive.current) setError(err instanceof CallError ? err.error : { code: 'internal', message: String(err) });
    } finally {
      if (alive.current) setScanning(false);
    }
  };

  const cancel = () => {
    void api.invoke('identity:cancelScan', {});
    setScanning(false);
  };

  return (
    <fieldset className="phone-code" data-testid={`phone-code-${mode}`} data-scanning={scanning}>
      <legend>{mode === 'confirm' ? text.confirmTitle : text.offer}</legend>
      {error && error.reason !== 'cancelled' && <ErrorNotice error={error} />}
      {scanning ? (
        <div className="phone-code-scan" data-testid="phone-code-scanning">
          <TerminalFrontArt part="qrImager" label={text.imager} testId="imager-art" />
          <p className="lead">{text.instruction}</p>
          <p role="status" aria-live="polite" data-testid="phone-code-left">
            {text.waiting} {text.remaining.replace('{{s}}', String(left))}
          </p>
          {left <= WARN_SECONDS && (
            <p className="banner banner-warning" role="alert" data-testid="phone-code-warning">
              {text.warning}
            </p>
          )}
          <button type="button" className="btn btn-secondary" data-testid="phone-code-cancel" onClick={cancel}>
            {text.cancel}
          </button>
        </div>
      ) : (
        <>
          <p className="hint">{text.offerHint}</p>
          <div className="actions">
            {options.codeKinds.map((kind) => (
              <button key={kind} type="button" className="btn btn-primary" data-testid={`phone-code-start-${kind}`} onClick={() => void start(kind)}>
                {error ? `${text.retry} · ` : ''}
                {text.kinds[kind]}
              </button>
            ))}
          </div>
        </>
      )}
    </fieldset>
  );
}
