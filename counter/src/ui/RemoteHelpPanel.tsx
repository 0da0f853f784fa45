// The clerk's remote-help seat: offer help, see the waiting calls with their waiting times (like the ticket queue),
// answer one, and then talk by video (or voice / text), see the kiosk screen as a masked view, point at a control,
// suggest the next step and pre-check each scanned page. The resident does every step on the kiosk.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelperCallState, HelperQueueView, HelpWorkload } from '@easydo/core/contract/schemas/remote-help';
import { useEvent } from '@easydo/core/ui/terminal-context';
import { useCounter } from './counter-api';
import { remoteHelpText } from './RemoteHelpText';
import { RemoteHelpCall } from './RemoteHelpCall';
import './RemoteHelpPanel.css';

export function RemoteHelpPanel() {
  const { i18n } = useTranslation('counter');
  const text = remoteHelpText(i18n.language);
  const { invoke } = useCounter();
  const [queue, setQueue] = useState<HelperQueueView | null>(null);
  const [call, setCall] = useState<HelperCallState | null>(null);
  const [, tick] = useState(0);

  useEffect(() => {
    void invoke('helper:queue', {}).then((r) => r.ok && setQueue(r.value));
    void invoke('helper:call', {}).then((r) => r.ok && setCall(r.value));
  }, [invoke]);
  useEvent('helper:queueChanged', useCallback((q: HelperQueueView) => setQueue((old) => ({ ...q, available: old?.available ?? q.available })), []));
  useEvent('helper:callChanged', useCallback((c: HelperCallState) => setCall(c), []));
  // Waiting times count up on screen between queue updates.
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 1_000);
    return () => clearInterval(timer);
  }, []);

  const offer = (available: boolean) => void invoke('helper:offer', { available }).then((r) => r.ok && setQueue(r.value));
  const answer = (callId: string) => void invoke('helper:answer', { callId }).then((r) => r.ok && setCall(r.value));
  const inCall = call?.phase === 'connected';
  const now = Date.now();
  return (
    <section className="remote-help-panel" data-testid="remote-help-panel" data-offering={queue?.available ?? false}>
      <h2>{text.title}</h2>
      {queue?.available ? (
        <button type="button" className="btn btn-secondary" data-testid="helper-stop" onClick={() => offer(false)}>{text.stop}</button>
      ) : (
        <button type="button" className="btn btn-primary" data-testid="helper-offer" onClick={() => offer(true)}>{text.offer}</button>
      )}
      {queue?.available && !queue.connected && <p className="banner banner-warning">{text.offline}</p>}
      {queue?.available && !inCall && (
        <ul className="help-queue" data-testid="helper-queue">
          {queue.calls.length === 0 && <li>{text.noCalls}</li>}
          {queue.calls.map((c) => (
            <li key={c.callId} data-testid="helper-queue-call">
              <span>{c.centreName}（{c.terminalId}）· {text.media[c.media]} · {text.waiting(Math.max(0, Math.round((now - Date.parse(c.requestedAt)) / 1000)))}</span>
              <button type="button" className="btn btn-primary" data-testid="helper-answer" onClick={() => answer(c.callId)}>{text.answer}</button>
            </li>
          ))}
        </ul>
      )}
      {inCall && call && <RemoteHelpCall call={call} text={text} />}
      {call?.phase === 'ended' && (
        <p data-testid="helper-ended" data-reason={call.endReason ?? ''}>
          {text.ended(call.endReason ? text.endReasons[call.endReason] : '')}
          {call.rating !== null && <span data-testid="helper-rating"> · {text.rating(call.rating)}</span>}
        </p>
      )}
    </section>
  );
}

/** Remote help in the clerk's day (shown with the workload). */
export function RemoteHelpWorkload() {
  const { i18n } = useTranslation('counter');
  const text = remoteHelpText(i18n.language);
  const { invoke } = useCounter();
  const [w, setW] = useState<HelpWorkload | null>(null);
  useEffect(() => void invoke('helper:workload', {}).then((r) => r.ok && setW(r.value)), [invoke]);
  if (!w) return null;
  const s = (n: number | null) => (n === null ? text.none : text.seconds(n));
  return (
    <section className="workload-panel" data-testid="remote-help-workload">
      <h2>{text.workload}</h2>
      <dl className="figures">
        <div><dt>{text.calls}</dt><dd data-testid="help-calls">{w.calls}</dd></div>
        <div><dt>{text.avgWait}</dt><dd>{s(w.averageWaitSeconds)}</dd></div>
        <div><dt>{text.avgHandle}</dt><dd>{s(w.averageHandlingSeconds)}</dd></div>
        <div><dt>★</dt><dd data-testid="help-ratings">{w.ratings.map((r) => `${r.level}★×${r.count}`).join(' ') || text.none}</dd></div>
      </dl>
    </section>
  );
}

