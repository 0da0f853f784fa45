// 请取走您的证件: after a visit ends (finished, timed out, cancelled) the card may still lie on the reader. The
// reminder shows and is spoken until the reader reports the card gone, repeated now and then as a clerk would.
import { useEffect } from 'react';

export const TAKE_CARD_REPEAT_MS = 20_000;

export function TakeCardReminder({ text, speak }: { text: string; speak: (text: string) => void }) {
  useEffect(() => {
    speak(text);
    const timer = setInterval(() => speak(text), TAKE_CARD_REPEAT_MS);
    return () => clearInterval(timer);
  }, [text]);
  return (
    <p className="banner banner-warning take-card" role="alert" data-testid="take-card">
      {text}
    </p>
  );
}

/** Whether to remind: a card on the reader once the visit is over (thanks) or after it ended (back at the start). */
export function shouldRemindCard(step: string, cardOnReader: boolean): boolean {
  return cardOnReader && (step === 'thanks' || step === 'attract' || step === 'ending' || step === 'timedOut');
}
