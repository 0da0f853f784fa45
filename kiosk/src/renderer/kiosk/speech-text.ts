// What 朗读本页 says. A screen that knows better supplies its own words (`data-speech` on an element, e.g. the
// receipt, whose text main builds without the password or full number); otherwise the visible text is read
// without the parts marked `data-speak="skip"` (password fields) and without what a voice cannot say well:
// rules of dashes, runs of asterisks (a masked ID becomes "ID number partly hidden").
export function sayable(text: string, lang: 'zh-CN' | 'en'): string {
  const hidden = lang === 'en' ? ' (ID number partly hidden) ' : '（证件号码部分隐藏）';
  return text
    .replace(/[0-9A-Z]{0,6}\*{3,}[0-9A-Z]{0,4}/g, hidden) // 440304********2469
    .replace(/([\p{Script=Han}A-Z])\*+/gu, lang === 'en' ? '$1.' : '$1某') // 卓* → 卓某, O***** → O.
    .replace(/\*+/g, '')
    .replace(/^[\s\-=_.·*]{3,}$/gm, '') // rules
    .replace(/-{2,}|={2,}|_{2,}/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** The text of a screen element for speech: its own words if it has them, else its visible text made sayable. */
export function pageSpeech(root: HTMLElement | null, lang: 'zh-CN' | 'en'): string {
  if (!root) return '';
  const own = root.querySelector<HTMLElement>('[data-speech]')?.dataset['speech'];
  if (own) return own;
  const copy = root.cloneNode(true) as HTMLElement;
  for (const el of copy.querySelectorAll('[data-speak="skip"], input[type="password"]')) el.remove();
  // innerText needs layout; a detached copy has none, so fall back to textContent with block breaks.
  for (const el of copy.querySelectorAll('p, li, dt, dd, h1, h2, h3, h4, tr, pre, label, legend, button')) el.append('\n');
  return sayable(copy.textContent ?? '', lang);
}
