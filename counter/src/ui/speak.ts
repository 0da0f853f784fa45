// Spoken calls on the resident display. Speech is a courtesy: without a voice (headless, no TTS engine)
// nothing fails, the number is still on screen.
export function speak(text: string, lang: string): void {
  try {
    const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
    if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
    const u = new SpeechSynthesisUtterance(text);
    u.lang = lang;
    const voice = synth.getVoices().find((v) => v.lang.toLowerCase().startsWith(lang.slice(0, 2).toLowerCase()));
    if (voice) u.voice = voice;
    synth.cancel();
    synth.speak(u);
  } catch {
    // No speech engine: the display still shows the call.
  }
}
