// The colour tokens keep their promised contrast: every text pair >= 7:1 (so elder mode's 7:1 holds wherever a
// pair is used), control edges and focus ring >= 3:1, in both the standard and the elder token set.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio, ELDER, NON_TEXT_PAIRS, STANDARD, TEXT_PAIRS } from '../../src/ui/design/tokens';

const css = readFileSync(new URL('../../src/ui/design/tokens.css', import.meta.url), 'utf8');

/** The custom properties of one rule block (`:root` or `html.elder`), colours only. */
function colours(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block`);
  const block = css.slice(start, css.indexOf('\n}', start));
  return new Map([...block.matchAll(/(--c-[a-z-]+):\s*(#[0-9a-f]{6})/g)].map((m) => [m[1]!, m[2]!]));
}

describe('design tokens', () => {
  const standard = colours(':root');
  const elder = new Map([...standard, ...colours('html.elder')]);

  for (const [name, set] of [['standard', standard], ['elder', elder]] as const) {
    it(`${name}: every text pair keeps 7:1, every control edge 3:1`, () => {
      for (const [fg, bg] of TEXT_PAIRS) {
        const ratio = contrastRatio(set.get(fg)!, set.get(bg)!);
        expect(ratio, `${fg} on ${bg}`).toBeGreaterThanOrEqual(ELDER.minContrast);
      }
      for (const [fg, bg] of NON_TEXT_PAIRS) expect(contrastRatio(set.get(fg)!, set.get(bg)!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(3);
    });
  }

  it('computes WCAG ratios (black on white 21:1, a grey just under 4.5:1)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(STANDARD.minContrast);
  });

  it('elder mode raises the sizes to the MIIT numbers', () => {
    const px = (selector: string, name: string) => Number(new RegExp(`${selector} \\{[^}]*${name}:\\s*(\\d+)px`).exec(css)?.[1]);
    expect(px('html.elder', '--fs-control')).toBeGreaterThanOrEqual(ELDER.minControlText);
    expect(px('html.elder', '--fs-caption')).toBeGreaterThanOrEqual(ELDER.minText);
    expect(px('html.elder', '--target')).toBeGreaterThanOrEqual(ELDER.minTarget);
    expect(px(':root', '--fs-caption')).toBeGreaterThanOrEqual(STANDARD.minText);
    expect(px(':root', '--target')).toBeGreaterThanOrEqual(STANDARD.minTarget);
  });
});
