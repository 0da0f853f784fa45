// A resident's own settings for one visit: the speech volume (applied to every utterance, back to the default
// when the visit ends), when a visit counts as ended, and the countdown that clears a taken queue number.
import { describe, expect, it } from 'vitest';
import { createSpeaker } from '@easydo/core/ui/speech';
import { DEFAULT_VOLUME, VOLUME_LEVELS, volumeGain, type VolumeLevel } from '@easydo/core/ui/speech-volume';
import { secondsLeft } from '@easydo/core/ui/countdown';
import { sessionJustEnded } from '../../src/renderer/kiosk/session-end';

interface Spoken {
  text: string;
  volume: number;
}

/** A speechSynthesis stub that records each utterance with the volume it carried when handed over. */
function stubSpeech() {
  const spoken: Spoken[] = [];
  const speaker = createSpeaker({
    speechSynthesis: { cancel: () => undefined, getVoices: () => [], speak: (u: Spoken) => spoken.push({ text: u.text, volume: u.volume }) } as unknown as SpeechSynthesis,
    // The browser's default volume is 1: a speaker that forgot to set it would show up as 1 here.
    SpeechSynthesisUtterance: class { lang = ''; voice = null; rate = 1; volume = 1; constructor(readonly text: string) {} } as unknown as typeof SpeechSynthesisUtterance,
  });
  return { speaker, spoken };
}

describe('speech volume', () => {
  it('has three rising steps, the default in the middle and none of them silent', () => {
    expect(VOLUME_LEVELS).toEqual(['low', 'medium', 'high']);
    expect(DEFAULT_VOLUME).toBe('medium');
    const [low, medium, high] = [volumeGain('low'), volumeGain('medium'), volumeGain('high')];
    expect(low).toBeGreaterThan(0);
    expect(low).toBeLessThan(medium);
    expect(medium).toBeLessThan(high);
    expect(high).toBe(1);
  });

  it('speaks at the default volume until the resident changes it, then at the chosen one every time', () => {
    const { speaker, spoken } = stubSpeech();
    expect(speaker.volume).toBe('medium');
    speaker.speak('请放卡', 'zh-CN');
    speaker.setVolume('high');
    speaker.speak('第一句', 'zh-CN');
    speaker.speak('第二句', 'zh-CN');
    speaker.setVolume('low');
    speaker.speak('third', 'en');
    expect(spoken).toEqual([
      { text: '请放卡', volume: volumeGain('medium') },
      { text: '第一句', volume: 1 },
      { text: '第二句', volume: 1 },
      { text: 'third', volume: volumeGain('low') },
    ]);
  });

  it('goes back to the default when the visit ends, and ignores an unknown level', () => {
    const { speaker, spoken } = stubSpeech();
    speaker.setVolume('low');
    speaker.setVolume('mute' as VolumeLevel);
    expect(speaker.volume).toBe('low');
    speaker.resetVolume();
    expect(speaker.volume).toBe(DEFAULT_VOLUME);
    speaker.speak('欢迎', 'zh-CN');
    expect(spoken.at(-1)?.volume).toBe(volumeGain(DEFAULT_VOLUME));
  });

  it('keeps the volume setting even where speech is missing, without throwing', () => {
    const none = createSpeaker({});
    expect(() => none.setVolume('high')).not.toThrow();
    expect(none.volume).toBe('high');
    none.resetVolume();
    expect(none.volume).toBe('medium');
  });
});

describe('end of a visit', () => {
  it('is the return to the attract screen from any other step', () => {
    expect(sessionJustEnded('thanks', 'attract')).toBe(true);
    expect(sessionJustEnded('form', 'attract')).toBe(true);
    expect(sessionJustEnded('catalogue', 'attract')).toBe(true);
  });
  it('is not staying on the attract screen (a late session:ended must not undo the next person’s choice), nor any other move', () => {
    expect(sessionJustEnded('attract', 'attract')).toBe(false);
    expect(sessionJustEnded('attract', 'catalogue')).toBe(false);
    expect(sessionJustEnded('form', 'materials')).toBe(false);
  });
});

describe('queue number countdown', () => {
  it('counts whole seconds down from wall-clock time and stops at zero', () => {
    const t0 = 1_000_000;
    expect(secondsLeft(t0, t0, 30)).toBe(30);
    expect(secondsLeft(t0, t0 + 999, 30)).toBe(30);
    expect(secondsLeft(t0, t0 + 1000, 30)).toBe(29);
    expect(secondsLeft(t0, t0 + 29_999, 30)).toBe(1);
    expect(secondsLeft(t0, t0 + 30_000, 30)).toBe(0);
    // A timer that fired very late still clears at once rather than going negative.
    expect(secondsLeft(t0, t0 + 120_000, 30)).toBe(0);
    // A clock stepping backwards never promises more than the full time.
    expect(secondsLeft(t0, t0 - 5000, 30)).toBe(30);
  });
});
