// Kiosk mode: the resident's self-service journey. One statechart (journey-machine.ts) holds the whole
// renderer-side session; this component feeds it terminal events and renders the screen of its state.
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMachine } from '@xstate/react';
import type { MaskedCard } from '@easydo/core/contract/schemas/card';
import { useEvent, useTerminal } from '@easydo/core/ui/terminal-context';
import { createSpeaker } from '@easydo/core/ui/speech';
import { DEFAULT_VOLUME, type VolumeLevel } from '@easydo/core/ui/speech-volume';
import { IdleWarning } from '@easydo/core/ui/IdleWarning';
import { bindJourney } from './journey-actors';
import { timingFromSession } from './journey-machine';
import { stepOf, stepPosition } from './step';
import { useServiceState } from './useServiceState';
import { AdminCorner, AdminPinPad } from './AdminEntry';
import { CardPanel } from './CardPanel';
import { JourneyScreen } from './JourneyScreen';
import { VoiceControl } from './VoiceControl';
import { StepBar } from './StepBar';
import { LogOut } from 'lucide-react';
import { shouldRemindCard, TakeCardReminder } from './TakeCardReminder';
import { OtherCardQuestion } from './OtherCardQuestion';
import { UnreadableCard } from './UnreadableCard';
import { sessionJustEnded } from './session-end';
import type { Step } from './step';
import type { Lang } from './screen-props';
import './journey.css';
import { useAttractInactivity } from './attract-inactivity';
import { pageSpeech } from './speech-text';
import { arrivalVoice } from './arrival-voice';
import { RemoteHelp } from './help/RemoteHelp';
import { HardwareLayoutContext } from './hardware-layout';

/**
 * onSessionEnd: the resident's visit is over; the app frame drops that person's elder mode and language.
 * elder: the frame's 长辈模式 (screens speak their instruction on arrival in it).
 */
export function KioskApp({ adminEntry = false, elder = false, onSessionEnd }: { adminEntry?: boolean; elder?: boolean; onSessionEnd?: () => void }) {
  const { t, i18n } = useTranslation('journey');
  const layout = useContext(HardwareLayoutContext);
  const api = useTerminal();
  const service = useServiceState();
  const [pinPad, setPinPad] = useState(adminEntry);
  const machine = useMemo(() => bindJourney(api), [api]);
  const [snapshot, send] = useMachine(machine, { input: {} });
  const step = stepOf(snapshot);
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const speechLang = lang === 'en' ? 'en' : 'zh-CN';
  const speaker = useMemo(() => createSpeaker(), []);
  // One stable speak for every screen and panel: the resident's volume applies to all guidance.
  const speak = useCallback((text: string) => speaker.speak(text, speechLang), [speaker, speechLang]);
  const screenRef = useRef<HTMLDivElement>(null);
  const [volume, setVolume] = useState<VolumeLevel>(speaker.volume);
  const changeVolume = (level: VolumeLevel) => {
    speaker.setVolume(level);
    setVolume(level);
    // Said at the new volume, so a resident who cannot see the buttons hears what they chose.
    speak(t('volume.changed', { level: t(`volume.${level}`) }));
  };

  // Whether a card lies on the reader (not who: that lives in the session): the thank-you screen reminds.
  const [cardOnReader, setCardOnReader] = useState(false);
  // A card on the reader that could not be read: the screen shows how to place it (UnreadableCard).
  const [cardUnreadable, setCardUnreadable] = useState(false);
  useEvent('card:read', useCallback((card: MaskedCard) => {
    setCardOnReader(true);
    setCardUnreadable(false);
    send({ type: 'CARD_READ', card });
  }, [send]));
  useEvent('card:removed', useCallback(() => {
    setCardOnReader(false);
    setCardUnreadable(false);
    send({ type: 'CARD_REMOVED' });
  }, [send]));
  useEvent('card:unreadable', useCallback(() => setCardUnreadable(true), []));
  // Someone else's card mid-visit: main holds it aside and the screen asks (OtherCardQuestion).
  useEvent('card:other', useCallback(() => {
    setCardOnReader(true);
    send({ type: 'OTHER_CARD' });
  }, [send]));
  useEvent('session:ended', useCallback((p: { reason: string }) => send({ type: 'SESSION_ENDED', reason: p.reason }), [send]));

  // Main's config says how long the screen waits before warning and counts down (main's own timer is a safety net).
  useEffect(() => {
    void api.invoke('session:touch', {}).then((r) => {
      if (r.ok) send({ type: 'TIMING', timing: timingFromSession(r.value) });
    });
  }, [api, send]);

  // Guidance for every step, spoken on arrival in elder mode (arrival-voice.ts); 朗读本页 reads the whole screen.
  useEffect(() => {
    // A card left on the reader: the reminder speaks instead (TakeCardReminder), nothing talks over it.
    if (shouldRemindCard(step, cardOnReader)) return;
    const voice = arrivalVoice(step, snapshot.context, service, elder);
    const key = `voice.${voice}`;
    // Said where this cabinet's parts are, as the pictures show them.
    const where = { reader: t(`where.${layout.cardReader}` as never), scanner: t(`where.${layout.scanner}` as never), slot: t(`where.${layout.receiptSlot}` as never) };
    if (voice && i18n.exists(key, { ns: 'journey' })) speaker.speak(String(t(key as never, where as never)), speechLang);
    // Turning elder mode on speaks the screen's instruction at once.
  }, [step, speechLang, elder]);

  // A visit ended: this resident's own settings go with them (volume here, elder mode and language in App).
  const resetPersonalSettings = () => {
    speaker.resetVolume();
    setVolume(DEFAULT_VOLUME);
    onSessionEnd?.();
  };
  const previousStep = useRef<Step>(step);
  useEffect(() => {
    const ended = sessionJustEnded(previousStep.current, step);
    previousStep.current = step;
    if (!ended) return;
    resetPersonalSettings();
  }, [step]);

  // Someone changed settings on the attract screen and walked away without starting: reset them too.
  const attractQuietMs = snapshot.context.timing.idleWarningMs + snapshot.context.timing.countdownMs;
  useAttractInactivity(step === 'attract', attractQuietMs, () => resetPersonalSettings());

  // Leaving a session: nothing of it may stay reachable (no history entries, no storage).
  useEffect(() => {
    if (step === 'attract') {
      try {
        sessionStorage.clear();
      } catch {
        /* storage disabled */
      }
      if (history.length > 1) history.replaceState(null, '', location.href);
      screenRef.current?.scrollTo?.(0, 0);
    }
  }, [step]);

  const idleWarning = typeof snapshot.value === 'object' && (snapshot.value as { session?: { idle?: string } }).session?.idle === 'warning';
  const activity = () => send({ type: 'ACTIVITY' });
  // The card step counts once the resident meets it; placing the card first leaves it out (no 1 → 3 jump).
  const metIdentity = useRef(false);
  if (step === 'identity') metIdentity.current = true;
  if (step === 'attract') metIdentity.current = false;
  const position = stepPosition(step, metIdentity.current || snapshot.context.card === null);
  const inSession = step !== 'attract' && step !== 'thanks';
  // A visit that began while the terminal was in service may finish when only the receipt printer stops
  // (the receipt goes on screen); a visit begun after that is told at the start (AttractScreen, GuideScreen).
  const startedInService = useRef(true);
  if (step === 'attract') startedInService.current = service?.inService !== false;
  const remindCard = shouldRemindCard(step, cardOnReader);

  return (
    <main className="kiosk journey frame" data-testid="kiosk" data-step={step} data-card-on-reader={cardOnReader} onPointerDown={activity} onKeyDown={activity}>
      <AdminCorner onOpen={() => setPinPad(true)} />
      {pinPad && <AdminPinPad onClose={() => setPinPad(false)} />}
      {/* The frame (docs/ARCHITECTURE.md "Design system"): the step bar and the card on top, the screen in the
          middle (its own back button bottom left, its one primary action bottom right), then the bottom bar. */}
      <header className="frame-head">
        {position !== null && (snapshot.context.itemCode !== null || position.step === 'catalogue') && (
          <StepBar position={position} withIdentity={metIdentity.current || snapshot.context.card === null} t={t} />
        )}
        {snapshot.context.card && <CardPanel card={snapshot.context.card} t={t} />}
      </header>
      <div ref={screenRef} className="screen" data-testid={`screen-${step}`}>
        {remindCard && <TakeCardReminder text={t('card.takeIt')} speak={speak} />}
        <JourneyScreen step={step} props={{ ctx: snapshot.context, send, lang, t, service, startedInService: startedInService.current, speak }} />
      </div>
      <footer className="frame-bar" data-testid="frame-bar" aria-label={t('frame:bar')}>
        {/* Left: 结束办理, always here while a visit is open. */}
        <div className="frame-bar-end">
          {inSession && (
            <button type="button" className="btn frame-btn frame-btn-end" data-testid="cancel" onClick={() => send({ type: 'CANCEL' })}>
              <LogOut aria-hidden="true" className="icon" />
              <span>{t('common.cancel')}</span>
            </button>
          )}
        </div>
        {/* Keyed by the step: its panel closes when the screen changes. */}
        <VoiceControl key={step} volume={volume} onVolume={changeVolume} onRead={() => speak(pageSpeech(screenRef.current, speechLang))} onStop={() => speaker.cancel()} t={t} />
        {/* Right: the 求助 slot (remote help, issue 21) — one button of class "btn frame-btn" goes here. */}
        <div className="frame-bar-help" data-testid="frame-help-slot">
          <RemoteHelp step={step} lang={lang} itemCode={snapshot.context.itemCode} speak={speak} onActivity={activity} />
        </div>
      </footer>
      {cardUnreadable && <UnreadableCard t={t} onClose={() => setCardUnreadable(false)} speak={speak} />}
      {snapshot.context.otherCard && inSession && (
        <OtherCardQuestion t={t} onAnswer={(endCurrent) => send({ type: 'OTHER_CARD_ANSWER', endCurrent })} speak={speak} />
      )}
      {idleWarning && (
        <IdleWarning
          seconds={Math.round(snapshot.context.timing.countdownMs / 1000)}
          title={t('idle.title')}
          body={(seconds) => t('idle.body', { seconds, count: seconds })}
          extendLabel={t('idle.extend')}
          endLabel={t('idle.end')}
          onExtend={() => send({ type: 'EXTEND' })}
          onEnd={() => send({ type: 'CANCEL' })}
          speak={speak}
        />
      )}
    </main>
  );
}
