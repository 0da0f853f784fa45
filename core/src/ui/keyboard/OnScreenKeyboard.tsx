// Full on-screen keyboard: pinyin with a candidate bar, latin letters, digits and symbols. Controlled by the
// parent's value; remount it (key=field) to edit another field. Big keys, no gestures, no handwriting needed.
import { useEffect, useMemo, useReducer, useRef } from 'react';
import { buildPinyinIndex, type PinyinIndex } from './pinyin-index';
import { candidatesFor, initialKeyboard, keyboardReducer, type Layout } from './keyboard-state';

let shared: PinyinIndex | null = null;
/** Built on first use (a few thousand characters and words), then kept for the life of the window. */
export function pinyinIndex(): PinyinIndex {
  shared ??= buildPinyinIndex();
  return shared;
}

export interface KeyboardLabels {
  pinyin: string;
  latin: string;
  symbols: string;
  space: string;
  backspace: string;
  clear: string;
  shift: string;
  done: string;
  candidates: string;
  composing: string;
}

const LETTER_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const DIGITS = '1234567890';
const SYMBOLS = ['-', '/', '(', ')', '#', '.', ',', '，', '。', '、', '@', '号', '室', '栋', '层'];

export function OnScreenKeyboard(props: { value: string; onChange(v: string): void; onDone(): void; maxLength?: number; initialLayout?: Layout; labels: KeyboardLabels }) {
  const index = pinyinIndex();
  const reducer = useMemo(() => keyboardReducer(index), [index]);
  const [state, dispatch] = useReducer(reducer, initialKeyboard(props.value, props.maxLength ?? 500, props.initialLayout ?? 'pinyin'));
  const last = useRef(state.text);
  useEffect(() => {
    if (state.text !== last.current) {
      last.current = state.text;
      props.onChange(state.text);
    }
  }, [state.text]);
  const candidates = candidatesFor(state, index, 12);
  const L = props.labels;
  const key = (char: string) => (
    <button key={char} type="button" className="kb-key" data-testid={`kb-key-${char}`} onClick={() => dispatch({ type: 'char', char })}>
      {state.shift ? char.toUpperCase() : char}
    </button>
  );
  return (
    <div className="keyboard" data-testid="keyboard" role="group" aria-label={L[state.layout]}>
      <div className="kb-candidates" aria-label={L.candidates} role="group">
        <span className="kb-compose" data-testid="kb-compose">
          <span className="sr-only">{L.composing}</span>
          {state.compose}
        </span>
        {candidates.map((c, i) => (
          <button key={`${c.text}/${c.consumes}`} type="button" className="kb-cand" data-testid={`kb-cand-${i}`} onClick={() => dispatch({ type: 'pick', candidate: c })}>
            {c.text}
          </button>
        ))}
      </div>
      <div className="kb-row">{[...DIGITS].map(key)}</div>
      {state.layout === 'symbols' ? (
        <div className="kb-row kb-symbols">{SYMBOLS.map((s) => key(s))}</div>
      ) : (
        LETTER_ROWS.map((row) => (
          <div key={row} className="kb-row">
            {[...row].map(key)}
          </div>
        ))
      )}
      <div className="kb-row kb-controls">
        {(['pinyin', 'latin', 'symbols'] as const).map((l) => (
          <button key={l} type="button" className="kb-key kb-wide" aria-pressed={state.layout === l} data-testid={`kb-layout-${l}`} onClick={() => dispatch({ type: 'layout', layout: l })}>
            {L[l]}
          </button>
        ))}
        {state.layout === 'latin' && (
          <button type="button" className="kb-key kb-wide" aria-pressed={state.shift} data-testid="kb-shift" onClick={() => dispatch({ type: 'shift' })}>
            {L.shift}
          </button>
        )}
        <button type="button" className="kb-key kb-space" data-testid="kb-space" onClick={() => dispatch({ type: 'space' })}>
          {L.space}
        </button>
        <button type="button" className="kb-key kb-wide" data-testid="kb-backspace" onClick={() => dispatch({ type: 'backspace' })}>
          {L.backspace}
        </button>
        <button type="button" className="kb-key kb-wide" data-testid="kb-clear" onClick={() => dispatch({ type: 'clear' })}>
          {L.clear}
        </button>
        <button type="button" className="kb-key kb-wide kb-done" data-testid="kb-done" onClick={props.onDone}>
          {L.done}
        </button>
      </div>
    </div>
  );
}
