// The clerk's side of a connected call: video (or voice / text), the kiosk's masked view, and the guidance tools.
import { useCallback, useEffect, useRef, useState } from 'react';
import { RetakeReason, type HelperCallState, type HelpSignal, type HelpView } from '@easydo/core/contract/schemas/remote-help';
import { useEvent, useTerminal } from '@easydo/core/ui/terminal-context';
import { usePeerCall } from '@easydo/core/ui/remote-help/use-peer-call';
import { useCounter } from './counter-api';
import type { remoteHelpText } from './RemoteHelpText';

const REASONS = RetakeReason.options;

export function RemoteHelpCall({ call, text }: { call: HelperCallState; text: ReturnType<typeof remoteHelpText> }) {
  const api = useTerminal();
  const { invoke } = useCounter();
  const subscribe = useCallback((listener: (s: HelpSignal) => void) => api.on('helper:signal', (p) => listener(p.signal)), [api]);
  const send = useCallback((signal: HelpSignal) => void invoke('helper:signal', { signal }), [invoke]);
  const peer = usePeerCall({ role: 'answerer', send, subscribe, want: call.call?.media ?? 'video' });
  const remoteVideo = useRef<HTMLVideoElement>(null);
  const [view, setView] = useState<HelpView | null>(null);
  const [chat, setChat] = useState<Array<{ from: 'resident' | 'helper'; text: string }>>([]);
  const [draft, setDraft] = useState('');
  const [suggestion, setSuggestion] = useState('');
  const [reasons, setReasons] = useState<Record<string, RetakeReason>>({});
  const [marked, setMarked] = useState<Record<string, 'ok' | 'retake'>>({});

  useEffect(() => {
    if (remoteVideo.current && peer.remote) remoteVideo.current.srcObject = peer.remote;
  }, [peer.remote]);
  useEvent('helper:view', useCallback((v: HelpView) => setView(v), []));
  useEvent('helper:chat', useCallback((m: { text: string }) => setChat((c) => [...c.slice(-30), { from: 'resident', text: m.text }]), []));

  const say = () => {
    const t = draft.trim();
    if (!t) return;
    void invoke('helper:chat', { text: t }).then((r) => r.ok && setChat((c) => [...c.slice(-30), { from: 'helper', text: t }]));
    setDraft('');
  };
  const precheck = (pageId: string, verdict: 'ok' | 'retake') => {
    const reason = reasons[pageId] ?? 'blurred';
    void invoke('helper:precheck', verdict === 'ok' ? { pageId, verdict } : { pageId, verdict, reason }).then((r) => r.ok && setMarked((m) => ({ ...m, [pageId]: verdict })));
  };

  return (
    <div className="helper-call" data-testid="helper-call" data-connection={peer.connection} data-media={peer.media}>
      <video ref={remoteVideo} className="helper-remote" data-testid="helper-remote-video" autoPlay playsInline width={320} />
      <p>{text.connection}: {peer.connection} · {text.media[peer.media]}</p>
      {!view && <p>{text.noView}</p>}
      {view && (
        <div className="helper-view" data-testid="helper-view" data-step={view.step}>
          <p>{text.step}: <b data-testid="helper-view-step">{view.step}</b>{view.item && <> · {text.item}: {view.item.name || view.item.code}</>}</p>
          {view.card && <p data-testid="helper-view-card">{text.card}: {view.card.nameMasked} {view.card.idNumberMasked}</p>}
          {view.fields.length > 0 && (
            <dl data-testid="helper-view-fields">
              <dt>{text.fields}</dt>
              {view.fields.map((f) => <dd key={f.key}>{f.label}: {f.value}</dd>)}
            </dl>
          )}
          {view.pages.length > 0 && (
            <ul data-testid="helper-view-pages">
              {view.pages.map((p) => (
                <li key={p.pageId} data-testid={`helper-page-${p.index}`} data-mark={marked[p.pageId] ?? ''}>
                  {text.page(p.index, p.material)}
                  <button type="button" className="btn btn-secondary" data-testid={`helper-page-ok-${p.index}`} onClick={() => precheck(p.pageId, 'ok')}>{text.ok}</button>
                  <select aria-label={text.reason} data-testid={`helper-page-reason-${p.index}`} value={reasons[p.pageId] ?? 'blurred'} onChange={(e) => setReasons((r) => ({ ...r, [p.pageId]: e.target.value as RetakeReason }))}>
                    {REASONS.map((r) => <option key={r} value={r}>{text.reasons[r]}</option>)}
                  </select>
                  <button type="button" className="btn btn-danger" data-testid={`helper-page-retake-${p.index}`} onClick={() => precheck(p.pageId, 'retake')}>{text.retake}</button>
                </li>
              ))}
            </ul>
          )}
          <p>{text.controls}</p>
          <ul className="helper-controls" data-testid="helper-view-controls">
            {view.controls.map((c) => (
              <li key={c.id}>
                {c.label || c.id}
                <button type="button" className="btn btn-secondary" data-testid={`helper-point-${c.id}`} onClick={() => void invoke('helper:highlight', { controlId: c.id })}>{text.point}</button>
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-secondary" onClick={() => void invoke('helper:highlight', { controlId: null })}>{text.clear}</button>
        </div>
      )}
      <form onSubmit={(e) => { e.preventDefault(); if (suggestion.trim()) void invoke('helper:suggest', { text: suggestion.trim() }).then(() => setSuggestion('')); }}>
        <input data-testid="helper-suggest-text" value={suggestion} maxLength={200} placeholder={text.suggest} aria-label={text.suggest} onChange={(e) => setSuggestion(e.target.value)} />
        <button type="submit" className="btn btn-secondary" data-testid="helper-suggest">{text.send}</button>
      </form>
      <ol className="helper-chat" data-testid="helper-chat">
        {chat.map((l, i) => <li key={i} data-from={l.from}>{l.text}</li>)}
      </ol>
      <form onSubmit={(e) => { e.preventDefault(); say(); }}>
        <input data-testid="helper-chat-text" value={draft} maxLength={500} placeholder={text.chat} aria-label={text.chat} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className="btn btn-secondary" data-testid="helper-chat-send">{text.send}</button>
      </form>
      <button type="button" className="btn btn-danger" data-testid="helper-hangup" onClick={() => void invoke('helper:hangUp', {})}>{text.hangUp}</button>
    </div>
  );
}
