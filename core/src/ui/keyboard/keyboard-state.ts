// The on-screen keyboard's logic as a pure reducer: typed text, the pinyin being composed, the layout.
// The component only renders it; tests drive it under Node.
import type { Candidate, PinyinIndex } from './pinyin-index';

export type Layout = 'pinyin' | 'latin' | 'symbols';

export interface KeyboardState {
  text: string;
  /** Latin letters typed in pinyin layout, not yet turned into a character. */
  compose: string;
  layout: Layout;
  shift: boolean;
  maxLength: number;
}

export type KeyAction =
  | { type: 'char'; char: string }
  | { type: 'pick'; candidate: Candidate }
  | { type: 'backspace' }
  | { type: 'space' }
  | { type: 'clear' }
  | { type: 'layout'; layout: Layout }
  | { type: 'shift' }
  | { type: 'set'; text: string };

export function initialKeyboard(text = '', maxLength = 500, layout: Layout = 'pinyin'): KeyboardState {
  return { text: text.slice(0, maxLength), compose: '', layout, shift: false, maxLength };
}

export function candidatesFor(state: KeyboardState, index: PinyinIndex, limit = 40): Candidate[] {
  return index.lookup(state.compose, limit);
}

const append = (s: KeyboardState, add: string) => (s.text + add).slice(0, s.maxLength);

export function keyboardReducer(index: PinyinIndex) {
  return (s: KeyboardState, a: KeyAction): KeyboardState => {
    switch (a.type) {
      case 'char': {
        const ch = s.shift ? a.char.toUpperCase() : a.char;
        if (s.layout === 'pinyin' && /^[a-z]$/i.test(a.char)) return { ...s, compose: (s.compose + a.char.toLowerCase()).slice(0, 24), shift: false };
        return { ...s, text: append(s, s.compose + ch), compose: '', shift: false };
      }
      case 'pick':
        return { ...s, text: append(s, a.candidate.text), compose: s.compose.slice(a.candidate.consumes) };
      case 'space': {
        if (s.compose) {
          const first = candidatesFor(s, index, 1)[0];
          return first ? keyboardReducer(index)(s, { type: 'pick', candidate: first }) : { ...s, text: append(s, s.compose), compose: '' };
        }
        return { ...s, text: append(s, ' ') };
      }
      case 'backspace':
        return s.compose ? { ...s, compose: s.compose.slice(0, -1) } : { ...s, text: [...s.text].slice(0, -1).join('') };
      case 'clear':
        return { ...s, text: '', compose: '' };
      case 'layout':
        // Leaving pinyin keeps what was composed as plain letters rather than losing it.
        return { ...s, layout: a.layout, text: append(s, s.compose), compose: '', shift: false };
      case 'shift':
        return { ...s, shift: !s.shift };
      case 'set':
        return { ...s, text: a.text.slice(0, s.maxLength), compose: '' };
    }
  };
}

/** Numeric pad reducer: digits only (and one dot where decimals are allowed), bounded length. */
export function numericReducer(maxLength: number, allowDot = false) {
  return (text: string, key: string): string => {
    if (key === 'backspace') return text.slice(0, -1);
    if (key === 'clear') return '';
    if (key === '.' && (!allowDot || text.includes('.'))) return text;
    if (!/^[0-9.]$/.test(key)) return text;
    return (text + key).slice(0, maxLength);
  };
}

/** Date entry on the numeric pad: digits become YYYY-MM-DD as they are typed. */
export function formatDateDigits(digits: string): string {
  const d = digits.replace(/\D/g, '').slice(0, 8);
  if (d.length <= 4) return d;
  if (d.length <= 6) return `${d.slice(0, 4)}-${d.slice(4)}`;
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`;
}
