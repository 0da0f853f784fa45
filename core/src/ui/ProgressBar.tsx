// A labelled progress bar (submission, OCR): the value is also given in words for screen readers.
export function ProgressBar({ value, label, testId }: { value: number | null; label: string; testId?: string }) {
  const pct = value === null ? null : Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div className="progress" data-testid={testId}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(pct === null ? {} : { 'aria-valuenow': pct })}
        className={pct === null ? 'progress-track indeterminate' : 'progress-track'}
      >
        <div className="progress-fill" style={{ width: pct === null ? '40%' : `${pct}%` }} />
      </div>
      <span className="progress-label">
        {label}
        {pct === null ? '' : ` ${pct}%`}
      </span>
    </div>
  );
}
