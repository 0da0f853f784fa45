// Voice guidance over the Web Speech API (offline voices of the OS). Every call is safe when speech or
// voices are missing: the screen still shows everything, speech only adds to it. Speaking interrupts what
// was being said, so guidance can always be repeated or cut short. The volume belongs to one resident: the
// kiosk calls resetVolume() when the session ends, so the next person starts at the default again.
import { DEFAULT_VOLUME, isVolumeLevel, volumeGain, type VolumeLevel } from './speech-volume';

export interface Speaker {
  speak(text: string, lang: 'zh-CN' | 'en'): void;
  cancel(): void;
  readonly available: boolean;
  /** The volume applied to every utterance from now on. */
  readonly volume: VolumeLevel;
  setVolume(level: VolumeLevel): void;
  resetVolume(): void;
}

export function createSpeaker(win: { speechSynthesis?: SpeechSynthesis; SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance } = globalThis as never): Speaker {
  const synth = win.speechSynthesis;
  const Utterance = win.SpeechSynthesisUtterance;
  const available = !!synth && !!Utterance;
  let volume: VolumeLevel = DEFAULT_VOLUME;
  return {
    available,
    get volume() {
      return volume;
    },
    setVolume(level) {
      // The renderer only passes known levels; anything else (a stale value) must not mute the guidance.
      if (isVolumeLevel(level)) volume = level;
    },
    resetVolume() {
      volume = DEFAULT_VOLUME;
    },
    speak(text, lang) {
      if (!available || !text.trim()) return;
      try {
        synth!.cancel();
        const u = new Utterance!(text);
        u.lang = lang;
        const voice = synth!.getVoices().find((v) => v.lang.replace('_', '-').toLowerCase().startsWith(lang === 'en' ? 'en' : 'zh'));
        if (voice) u.voice = voice;
        u.rate = 0.9; // a little slower than default: easier for elderly listeners
        u.volume = volumeGain(volume);
        synth!.speak(u);
      } catch {
        // No voices or a refused utterance: the screen already shows the text.
      }
    },
    cancel() {
      try {
        synth?.cancel();
      } catch {
        /* nothing to stop */
      }
    },
  };
}
