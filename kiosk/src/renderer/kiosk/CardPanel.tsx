// The card that was read, masked by main (the renderer never holds the full number or name).
import type { TFunction } from 'i18next';
import type { MaskedCard } from '@easydo/core/contract/schemas/card';

export function CardPanel({ card, t }: { card: MaskedCard; t: TFunction<'journey'> }) {
  return (
    <section className="card-panel" data-testid="card-panel" aria-live="polite">
      <span>{t('card.readAs', { type: t(`card.type_${card.cardType}`) })}</span>
      {/* A foreigner is greeted by the name on their card in Latin letters; the Chinese transliteration follows. */}
      <strong data-testid="card-name" lang={card.latinNameMasked ? 'en' : 'zh'}>
        {card.latinNameMasked ?? card.nameMasked}
      </strong>
      {card.latinNameMasked && <span data-testid="card-name-zh">{card.nameMasked}</span>}
      <span data-testid="card-id">{card.idNumberMasked}</span>
      {card.expired && (
        <em className="card-expired" data-testid="card-expired" role="status">
          {t('card.expired')}
        </em>
      )}
    </section>
  );
}
