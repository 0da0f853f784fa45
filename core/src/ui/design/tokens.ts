// The design system's promises in numbers: what tokens.css sets and what the E2E suite asserts on every resident
// screen (kiosk/test/journey/design-checks.ts). MIIT《App适老化通用设计规范》for elder mode; WCAG 2.x for contrast.

export interface ModeNumbers {
  /** Every visible control is at least this wide and tall (px). */
  minTarget: number;
  /** The smallest text anywhere on a resident screen (px). */
  minText: number;
  /** Labels of controls (main functions) at least this size (px). */
  minControlText: number;
  /** Line height as a ratio of the font size. */
  minLineHeight: number;
  /** Contrast every text colour pair keeps. */
  minContrast: number;
}

export const STANDARD: ModeNumbers = { minTarget: 48, minText: 18, minControlText: 18, minLineHeight: 1.3, minContrast: 4.5 };
export const ELDER: ModeNumbers = { minTarget: 60, minText: 24, minControlText: 30, minLineHeight: 1.3, minContrast: 7 };

/** The two kiosk screens the layouts are designed for. */
export const VIEWPORTS = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
} as const;

/** Text colour on background, as named in tokens.css; each must keep ELDER.minContrast (7:1). */
export const TEXT_PAIRS: ReadonlyArray<readonly [fg: string, bg: string]> = [
  ['--c-ink', '--c-surface'],
  ['--c-ink', '--c-canvas'],
  ['--c-ink', '--c-brand-tint'],
  ['--c-ink', '--c-danger-tint'],
  ['--c-ink-muted', '--c-surface'],
  ['--c-ink-muted', '--c-canvas'],
  ['--c-on-brand', '--c-brand'],
  ['--c-on-brand', '--c-brand-strong'],
  ['--c-on-brand', '--c-danger'],
  ['--c-brand', '--c-surface'],
  ['--c-brand', '--c-canvas'],
  ['--c-brand', '--c-brand-tint'],
  ['--c-danger', '--c-surface'],
  ['--c-danger', '--c-danger-tint'],
  ['--c-warn-fg', '--c-warn-bg'],
  ['--c-ok', '--c-surface'],
];

/** Edges of controls and the focus ring against the surface: WCAG 1.4.11 non-text contrast. */
export const NON_TEXT_PAIRS: ReadonlyArray<readonly [fg: string, bg: string]> = [
  ['--c-line', '--c-surface'],
  ['--c-focus', '--c-surface'],
];

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const n = Number.parseInt(hex.slice(1), 16);
    const [r, g, bl] = [n >> 16, (n >> 8) & 255, n & 255].map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
