// The checks of what was read off one page, each line in words with an icon that repeats them (no information by
// colour alone): used by the kiosk's materials screen and the counter's materials panel.
import { CircleCheck, ScanEye, TriangleAlert } from 'lucide-react';

export type CheckLineStatus = 'match' | 'mismatch' | 'unreadable' | 'nothingRead';

const CHECK_ICON: Record<CheckLineStatus, typeof CircleCheck> = { match: CircleCheck, mismatch: TriangleAlert, unreadable: ScanEye, nothingRead: ScanEye };

export function CheckLines({ lines }: { lines: readonly { status: CheckLineStatus; text: string }[] }) {
  return (
    <ul>
      {lines.map((l, n) => {
        const Icon = CHECK_ICON[l.status];
        return (
          <li key={n} data-status={l.status}>
            <Icon aria-hidden="true" className="icon" />
            <span>{l.text}</span>
          </li>
        );
      })}
    </ul>
  );
}
