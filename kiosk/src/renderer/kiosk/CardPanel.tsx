// The card that was read, masked by main (the renderer never holds the full number or name).
import type { TFunction } from 'i18next';
import type { MaskedCard } from '@easydo/core/contract/schemas/card';

export function CardPanel({ card, t }: { card: MaskedCard; t: TFunction<'journey'> }) {
  return (
    <section className="card-panel" data-testid="card-panel" aria-live="polite">
      <span>{t('card.readAs', { type: t(`card.type_${card.cardType}`) })}</span>
      <strong data-testid="card-name">{card.nameMasked}</strong>
      <span data-testid="card-id">{card.idNumberMasked}</span>
      {card.expired && <em>{t('card.expired')}</em>}
    </section>
  );
}
