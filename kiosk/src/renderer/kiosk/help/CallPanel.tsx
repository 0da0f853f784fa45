// The call screen on the kiosk: the clerk's video (or voice / text), the resident's own picture, the chat with
// quick replies, the clerk's suggestion (the resident decides), pre-check marks shown and spoken, and the pointer
// highlight on the real control. Mounted only while a clerk is connected: the camera lives and dies with it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HelpCallState, HelpGuidance, HelpScreenReport, HelpSignal } from '@easydo/core/contract/schemas/remote-help';
import { useEvent, useTerminal } from '@easydo/core/ui/terminal-context';
import { usePeerCall } from '@easydo/core/ui/remote-help/use-peer-call';
import { useTranslation } from 'react-i18next';
import { OnScreenKeyboard } from '@easydo/core/ui/keyboard/OnScreenKeyboard';
import { useKeyboardLabels } from '../keyboard-labels';
import { reportScreen } from './screen-report';
import type { HelpText } from './help-text';

interface Props {
  call: HelpCallState;
  step: string;
  lang: 'zh' | 'en';
  itemCode: string | null;
  text: HelpText;
  speak(text: string): void;
  onHangUp(): void;
}

type Mark = { pageId: string; index: number; verdict: 'ok' | 'retake'; words: string };
type Line = { from: 'resident' | 'helper'; text: string };

const HIGHLIGHT_MS = 10_000;

export function CallPanel({ call, step, lang, itemCode, text, speak, onHangUp }: Props) {
  const api = useTerminal();
  const subscribe = useCallback((listener: (s: HelpSignal) => void) => api.on('help:signal', (p) => listener(p.signal)), [api]);
  const send = useCallback((signal: HelpSignal) => void api.invoke('help:signal', { signal }), [api]);
  const peer = usePeerCall({ role: 'offerer', send, subscribe, want: call.media });
  const remoteVideo = useRef<HTMLVideoElement>(null);
  const localVideo = useRef<HTMLVideoElement>(null);
  const [suggestion, setSuggestion] = useState<string | null>(null);
  const [marks, setMarks] = useState<Mark[]>([]);
  const [chat, setChat] = useState<Line[]>([]);
  const [draft, setDraft] = useState('');
  // A kiosk has no keyboard of its own: the chat is typed on the same on-screen keyboard as the form.
  const [typing, setTyping] = useState(false);
  const { t } = useTranslation('journey');
  const labels = useKeyboardLabels(t);
  const pages = useRef<HelpScreenReport['pages']>([]);

  useEffect(() => {
    if (remoteVideo.current && peer.remote) remoteVideo.current.srcObject = peer.remote;
  }, [peer.remote]);
  useEffect(() => {
    if (localVideo.current) localVideo.current.srcObject = peer.local;
  }, [peer.local]);
  useEffect(() => {
    if (peer.media === 'audio') speak(text.audioOnly);
    if (peer.media === 'chat' && peer.connection === 'chat') speak(text.chatOnly);
  }, [peer.media, peer.connection]);

  // Pages by id, for the clerk's pre-check (read again whenever the materials change).
  const loadPages = useCallback(() => {
    if (step !== 'materials') {
      pages.current = [];
      return;
    }
    void api.invoke('materials:list', {}).then((r) => {
      if (!r.ok) return;
      const names = new Map(r.value.checklist.materials.map((m) => [m.code, m.name[lang]]));
      pages.current = r.value.pages.slice(0, 40).map((p, i) => ({ pageId: p.id, material: (p.materialCode ? names.get(p.materialCode) : '') ?? '', index: i + 1 }));
    });
  }, [api, step, lang]);
  useEffect(loadPages, [loadPages]);
  useEvent('materials:changed', loadPages);

  // The screen as the resident sees it, sent whenever it changes (main masks and checks it).
  useEffect(() => {
    let last = '';
    const tick = () => {
      const root = document.querySelector<HTMLElement>('[data-testid="kiosk"]');
      if (!root) return;
      const title = root.querySelector('.screen h1, .screen h2')?.textContent?.trim().slice(0, 120) ?? '';
      const report = reportScreen(root, step, lang, itemCode ? { code: itemCode.slice(0, 32), name: title } : null, pages.current);
      const json = JSON.stringify(report);
      if (json === last) return;
      last = json;
      void api.invoke('help:screen', report);
    };
    tick();
    const timer = setInterval(tick, 1_000);
    return () => clearInterval(timer);
  }, [api, step, lang, itemCode]);

  useEvent('help:guidance', useCallback((g: HelpGuidance) => {
    if (g.kind === 'highlight') return highlight(g.controlId);
    if (g.kind === 'suggest') {
      setSuggestion(g.text);
      speak(`${text.suggestion}：${g.text}`);
      return;
    }
    if (g.kind === 'chat') {
      setChat((c) => [...c.slice(-30), { from: 'helper', text: g.text }]);
      speak(g.text);
      return;
    }
    const page = pages.current.find((p) => p.pageId === g.pageId);
    const index = page?.index ?? 0;
    const words = g.verdict === 'ok' ? text.precheckOk(index) : text.precheckRetake(index, g.note ?? text.reasons[g.reason ?? 'other']);
    setMarks((m) => [...m.filter((x) => x.pageId !== g.pageId), { pageId: g.pageId, index, verdict: g.verdict, words }]);
    document.querySelector(`[data-testid="page-${index - 1}"]`)?.setAttribute('data-precheck', g.verdict);
    speak(words);
  }, [text, speak]));

  const say = (line: string) => {
    const t = line.trim();
    if (!t) return;
    void api.invoke('help:chat', { text: t }).then((r) => r.ok && setChat((c) => [...c.slice(-30), { from: 'resident', text: t }]));
    setDraft('');
    setTyping(false);
  };

  const helper = call.helper;
  return (
    <aside className="help-call" data-testid="help-call" data-connection={peer.connection} data-media={peer.media} data-camera={peer.cameraLive ? 'on' : 'off'} aria-live="polite">
      <p className="help-who" data-testid="help-helper">{helper ? text.connected(helper.displayName, helper.windowNo) : text.connecting}</p>
      <button type="button" className="btn btn-danger btn-main" data-testid="help-hangup" onClick={onHangUp}>{text.hangUp}</button>
      <div className="help-videos">
        <video ref={remoteVideo} className="help-remote" data-testid="help-remote-video" autoPlay playsInline />
        {peer.media === 'video' && <video ref={localVideo} className="help-local" data-testid="help-local-video" autoPlay playsInline muted />}
      </div>
      {peer.media === 'audio' && <p className="banner banner-info" data-testid="help-audio-only">{text.audioOnly}</p>}
      {peer.media === 'chat' && <p className="banner banner-info" data-testid="help-chat-only">{text.chatOnly}</p>}
      {suggestion && (
        <div className="help-suggestion" role="status" data-testid="help-suggestion">
          <strong>{text.suggestion}</strong> {suggestion}
          <button type="button" className="btn btn-secondary" data-testid="help-suggestion-ok" onClick={() => setSuggestion(null)}>{text.ok}</button>
        </div>
      )}
      {marks.length > 0 && (
        <ul className="help-marks" data-testid="help-marks">
          {marks.map((m) => <li key={m.pageId} data-testid={`help-mark-${m.index}`} data-verdict={m.verdict}>{m.words}</li>)}
        </ul>
      )}
      <ol className="help-chat" data-testid="help-chat">
        {chat.map((l, i) => <li key={i} data-from={l.from}><b>{l.from === 'helper' ? text.helper : text.you}：</b>{l.text}</li>)}
      </ol>
      <div className="help-quick">
        {text.quick.map((q) => <button key={q} type="button" className="btn btn-secondary" onClick={() => say(q)}>{q}</button>)}
      </div>
      <form className="help-compose" onSubmit={(e) => { e.preventDefault(); say(draft); }}>
        <input value={draft} maxLength={500} placeholder={text.chatPlaceholder} aria-label={text.chatPlaceholder} data-testid="help-chat-input" inputMode="none" autoComplete="off" onFocus={() => setTyping(true)} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className="btn btn-secondary" data-testid="help-send">{text.send}</button>
      </form>
      {typing && <OnScreenKeyboard key="help-chat" value={draft} onChange={setDraft} onDone={() => setTyping(false)} maxLength={500} initialLayout="pinyin" labels={labels} />}
      <p className="help-note">{text.notRecorded}</p>
    </aside>
  );
}

/** Outline the control the clerk points at (the resident still touches it themselves). */
function highlight(controlId: string | null): void {
  for (const el of document.querySelectorAll('.help-highlight')) el.classList.remove('help-highlight');
  if (!controlId) return;
  const el = document.querySelector(`[data-testid="${CSS.escape(controlId)}"]`);
  if (!el) return;
  el.classList.add('help-highlight');
  el.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  setTimeout(() => el.classList.remove('help-highlight'), HIGHLIGHT_MS);
}
