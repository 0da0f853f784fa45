// Volume steps for voice guidance (ADA 707.5, EN 301 549: speech must have volume control). Three coarse steps
// rather than a slider: each is one large tap, and a resident who cannot see the screen can count them.
export const VOLUME_LEVELS = ['low', 'medium', 'high'] as const;
export type VolumeLevel = (typeof VOLUME_LEVELS)[number];

/** Every session starts here: loud enough in a quiet hall, with room to go up or down. */
export const DEFAULT_VOLUME: VolumeLevel = 'medium';

// SpeechSynthesisUtterance.volume is 0..1 (1 = the OS volume). Low stays clearly audible: silence is what
// 停止朗读 is for.
const GAIN: Record<VolumeLevel, number> = { low: 0.4, medium: 0.7, high: 1 };

export function volumeGain(level: VolumeLevel): number {
  return GAIN[level];
}

export function isVolumeLevel(value: unknown): value is VolumeLevel {
  return typeof value === 'string' && (VOLUME_LEVELS as readonly string[]).includes(value);
}
