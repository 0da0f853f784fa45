// The reader could not read the card lying on it (after its own retries): show and say how to place it, as a
// hall's guide would, instead of leaving the resident before a screen that waits. Gone when the card is read
// or taken off, or when the resident taps 知道了.
import type { TFunction } from 'i18next';
import { StateScreen } from '@easydo/core/ui/StateScreen';
import { PlaceCardArt } from './PlaceCardArt';

export function UnreadableCard({ t, onClose, speak }: { t: TFunction<'journey'>; onClose: () => void; speak: (text: string) => void }) {
  return (
    <StateScreen
      testId="card-unreadable"
      overlay
      title={t('cardUnreadable.title')}
      steps={[t('cardUnreadable.lift'), t('cardUnreadable.place'), t('cardUnreadable.still'), t('cardUnreadable.otherwise')]}
      art={<PlaceCardArt />}
      speak={speak}
      actions={
        <button type="button" className="btn btn-primary btn-main" data-testid="card-unreadable-ok" onClick={onClose} autoFocus>
          {t('cardUnreadable.ok')}
        </button>
      }
    />
  );
}
