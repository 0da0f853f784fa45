// 求助: the resident asks a clerk for remote help. The button sits on every resident screen; pressing it asks first
// (what the clerk will see, that nothing is recorded, video / voice / text), and only an agreement rings the
// counters. While it rings the resident can stop waiting; nobody answering in time offers a queue ticket; a
// connected call opens the call panel beside the screen (the resident keeps using the screen); the end asks for a
// 好差评 of the help. The kiosk visit never depends on the call: a dropped call leaves the screen as it was.
import { useCallback, useEffect, useState } from 'react';
import type { HelpCallState, HelpMedia } from '@easydo/core/contract/schemas/remote-help';
import { useEvent, useTerminal } from '@easydo/core/ui/terminal-context';
import { CallPanel } from './CallPanel';
import { useCallKeepAlive } from './call-keep-alive';
import { helpText } from './help-text';
import './help.css';

interface Props {
  step: string;
  lang: 'zh' | 'en';
  itemCode: string | null;
  speak(text: string): void;
  /** The resident is still here: a call in progress keeps the visit from idling out while they talk (capped). */
  onActivity(): void;
}

/** Steps without a 求助 button: the thank-you and ending screens, where there is nothing left to help with. */
const NO_HELP = new Set(['thanks', 'ending']);

export function RemoteHelp({ step, lang, itemCode, speak, onActivity }: Props) {
  const api = useTerminal();
  const text = helpText(lang);
  const [call, setCall] = useState<HelpCallState | null>(null);
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [ticket, setTicket] = useState<string | null>(null);
  const [rated, setRated] = useState(false);

  useEffect(() => {
    void api.invoke('help:state', {}).then((r) => r.ok && setCall(r.value));
  }, [api]);
  useEvent('help:changed', useCallback((s: HelpCallState) => setCall(s), []));

  const phase = call?.phase ?? 'idle';
  useCallKeepAlive(phase === 'connected', onActivity);
  useEffect(() => {
    if (phase === 'waiting') speak(text.waiting);
    if (phase === 'ended' && call?.endReason === 'no-answer') speak(text.noAnswer);
    if (phase === 'ended' && call?.endReason === 'network') speak(text.network);
    if (phase === 'ended' && call?.endReason === 'helper') speak(text.helperEnded);
    if (phase === 'ended' && call?.canRate) speak(text.rateTitle);
  }, [phase]);

  const start = async (media: HelpMedia) => {
    setAsking(false);
    setNotice(null);
    setTicket(null);
    setRated(false);
    const r = await api.invoke('help:request', { consent: true, media, language: lang });
    if (!r.ok) {
      setNotice(text.unreachable);
      speak(text.unreachable);
    }
  };
  const hangUp = () => void api.invoke('help:hangUp', {}).then((r) => r.ok && setCall(r.value));
  const close = () => {
    setNotice(null);
    setTicket(null);
    hangUp();
  };
  const takeTicket = async () => {
    const cats = await api.invoke('queue:categories', {});
    const first = cats.ok ? cats.value[0] : undefined;
    if (!first) return setNotice(text.unreachable);
    const r = await api.invoke('queue:takeTicket', { category: first.code, priority: false });
    if (r.ok) {
      const words = text.ticketTaken(r.value.ticket.number);
      setTicket(words);
      speak(words);
    }
  };
  const rate = async (level: number) => {
    const r = await api.invoke('help:rate', { level });
    if (r.ok) {
      setRated(true);
      setCall(r.value);
      speak(text.rated);
    }
  };

  if (NO_HELP.has(step) && phase === 'idle') return null;
  const ringing = phase === 'connecting' || phase === 'waiting';
  return (
    <div className="remote-help" data-testid="remote-help" data-phase={phase}>
      {phase === 'idle' && !asking && (
        <button type="button" className="btn frame-btn help-button" data-testid="help-button" onClick={() => { setAsking(true); speak(text.consentBody); }}>
          {text.button}
        </button>
      )}
      {asking && (
        <div className="help-dialog" role="dialog" aria-modal="true" aria-labelledby="help-consent-title" data-testid="help-consent">
          <h2 id="help-consent-title">{text.consentTitle}</h2>
          <p>{text.consentBody}</p>
          <div className="help-choices">
            <button type="button" className="btn btn-primary btn-main" data-testid="help-consent-video" onClick={() => void start('video')}>{text.consentVideo}</button>
            <button type="button" className="btn btn-secondary" data-testid="help-consent-audio" onClick={() => void start('audio')}>{text.consentAudio}</button>
            <button type="button" className="btn btn-secondary" data-testid="help-consent-chat" onClick={() => void start('chat')}>{text.consentChat}</button>
            <button type="button" className="btn btn-secondary" data-testid="help-consent-no" onClick={() => setAsking(false)}>{text.consentNo}</button>
          </div>
        </div>
      )}
      {ringing && (
        <aside className="help-call" data-testid="help-waiting" role="status">
          <p>{phase === 'connecting' ? text.connecting : text.waiting}</p>
          {call?.helpersAvailable !== null && call?.helpersAvailable !== undefined && <p>{text.waitingHelpers(call.helpersAvailable)}</p>}
          <button type="button" className="btn btn-secondary btn-main" data-testid="help-stop-waiting" onClick={hangUp}>{text.stopWaiting}</button>
        </aside>
      )}
      {phase === 'connected' && call && <CallPanel call={call} step={step} lang={lang} itemCode={itemCode} text={text} speak={speak} onHangUp={hangUp} />}
      {(phase === 'ended' || notice) && (
        <aside className="help-call" data-testid="help-ended" data-reason={call?.endReason ?? ''} role="status">
          {notice && <p>{notice}</p>}
          {call?.endReason === 'no-answer' && (
            <>
              <p data-testid="help-no-answer">{text.noAnswer}</p>
              {ticket ? <p data-testid="help-ticket">{ticket}</p> : <button type="button" className="btn btn-primary" data-testid="help-take-ticket" onClick={() => void takeTicket()}>{text.takeTicket}</button>}
            </>
          )}
          {call?.endReason === 'network' && <p data-testid="help-network">{text.network}</p>}
          {call?.endReason === 'helper' && <p>{text.helperEnded}</p>}
          {call?.canRate && (
            <div className="help-rate" data-testid="help-rate">
              <p>{text.rateTitle}</p>
              {[5, 4, 3, 2, 1].map((level) => (
                <button key={level} type="button" className="btn btn-secondary" data-testid={`help-rate-${level}`} onClick={() => void rate(level)}>{text.rate[level - 1]}</button>
              ))}
            </div>
          )}
          {rated && <p data-testid="help-rated">{text.rated}</p>}
          <button type="button" className="btn btn-secondary" data-testid="help-close" onClick={close}>{text.close}</button>
        </aside>
      )}
    </div>
  );
}
