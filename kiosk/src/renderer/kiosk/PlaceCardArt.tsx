// Where the card goes, shown rather than written: a card moving down onto the reader, looping (still when the
// resident asked for reduced motion). Decorative: the words beside it say the same.
import { IdCard } from 'lucide-react';

export function PlaceCardArt() {
  return (
    <div className="place-card" aria-hidden="true" data-testid="place-card-art">
      <div className="place-card-card">
        <IdCard strokeWidth={1.5} />
      </div>
      <div className="place-card-reader" />
    </div>
  );
}
