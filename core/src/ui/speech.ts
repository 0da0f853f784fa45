// Voice guidance over the Web Speech API (offline voices of the OS). Every call is safe when speech or
// voices are missing: the screen still shows everything, speech only adds to it. Speaking interrupts what
// was being said, so guidance can always be repeated or cut short.
export interface Speaker {
  speak(text: string, lang: 'zh-CN' | 'en'): void;
  cancel(): void;
  readonly available: boolean;
}

export function createSpeaker(win: { speechSynthesis?: SpeechSynthesis; SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance } = globalThis as never): Speaker {
  const synth = win.speechSynthesis;
  const Utterance = win.SpeechSynthesisUtterance;
  const available = !!synth && !!Utterance;
  return {
    available,
    speak(text, lang) {
      if (!available || !text.trim()) return;
      try {
        synth!.cancel();
        const u = new Utterance!(text);
        u.lang = lang;
        const voice = synth!.getVoices().find((v) => v.lang.replace('_', '-').toLowerCase().startsWith(lang === 'en' ? 'en' : 'zh'));
        if (voice) u.voice = voice;
        u.rate = 0.9; // a little slower than default: easier for elderly listeners
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
