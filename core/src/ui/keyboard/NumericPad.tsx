// Numeric pad for numbers, phone numbers, dates (typed as digits, shown as YYYY-MM-DD) and PIN-like codes.
import { numericReducer, formatDateDigits } from './keyboard-state';

export interface NumericPadLabels {
  backspace: string;
  clear: string;
  done: string;
}

export function NumericPad(props: { value: string; onChange(v: string): void; onDone(): void; maxLength?: number; allowDot?: boolean; date?: boolean; labels: NumericPadLabels; testIdPrefix?: string }) {
  const p = props.testIdPrefix ?? 'np';
  const press = (k: string) => {
    if (props.date) {
      const digits = numericReducer(8)(props.value.replace(/\D/g, ''), k);
      props.onChange(formatDateDigits(digits));
    } else props.onChange(numericReducer(props.maxLength ?? 20, props.allowDot)(props.value, k));
  };
  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', props.allowDot ? '.' : null, '0'];
  return (
    <div className="numpad" role="group" data-testid={`${p}-pad`}>
      {keys.map((k, i) =>
        k === null ? (
          <span key={`gap${i}`} />
        ) : (
          <button key={k} type="button" className="kb-key" data-testid={`${p}-${k}`} onClick={() => press(k)}>
            {k}
          </button>
        ),
      )}
      <button type="button" className="kb-key" data-testid={`${p}-backspace`} onClick={() => press('backspace')}>
        {props.labels.backspace}
      </button>
      <button type="button" className="kb-key" data-testid={`${p}-clear`} onClick={() => press('clear')}>
        {props.labels.clear}
      </button>
      <button type="button" className="kb-key kb-done" data-testid={`${p}-done`} onClick={props.onDone}>
        {props.labels.done}
      </button>
    </div>
  );
}
