// Large labelled tiles for one choice among a few (which material a page is): every option is visible and
// named, big enough to touch (≥ the kiosk's target size), and read by screen readers as a radio group —
// unlike a native <select>, whose pop-up list is small, unlabelled and sometimes drawn outside the kiosk window.
export interface ChoiceTile {
  value: string;
  label: string;
}

export function ChoiceTiles(props: { label: string; value: string | null; options: readonly ChoiceTile[]; noneLabel: string; onChange: (value: string | null) => void; testIdPrefix: string }) {
  const tiles: { value: string | null; label: string }[] = [...props.options, { value: null, label: props.noneLabel }];
  return (
    <div role="radiogroup" aria-label={props.label} className="choice-tiles" data-testid={props.testIdPrefix} data-value={props.value ?? ''}>
      {tiles.map((o) => {
        const selected = o.value === props.value;
        return (
          <button
            key={o.value ?? ''}
            type="button"
            role="radio"
            aria-checked={selected}
            className={`btn choice-tile${selected ? ' btn-primary' : ' btn-secondary'}`}
            data-testid={`${props.testIdPrefix}-${o.value ?? 'none'}`}
            onClick={() => props.onChange(o.value)}
          >
            {selected ? '✓ ' : ''}
            {o.label}
          </button>
        );
      })}
    </div>
  );
}
