// Another card was placed while this resident's visit is open: ask before anything is dropped. Keeping the
// visit asks for that card to be taken off; ending it starts a new visit with the card on the reader.
import { useEffect } from 'react';
import type { TFunction } from 'i18next';

export function OtherCardQuestion({ t, onAnswer, speak }: { t: TFunction<'journey'>; onAnswer: (endCurrent: boolean) => void; speak: (text: string) => void }) {
  useEffect(() => speak(`${t('otherCard.title')}。${t('otherCard.body')}`), []);
  return (
    <div className="modal other-card" role="alertdialog" aria-modal="true" aria-labelledby="other-card-title" aria-describedby="other-card-body" data-testid="other-card">
      <h2 id="other-card-title">{t('otherCard.title')}</h2>
      <p id="other-card-body">{t('otherCard.body')}</p>
      <div className="actions">
        <button type="button" className="btn btn-primary btn-main" data-testid="other-card-keep" onClick={() => onAnswer(false)} autoFocus>
          {t('otherCard.keep')}
        </button>
        <button type="button" className="btn btn-secondary" data-testid="other-card-end" onClick={() => onAnswer(true)}>
          {t('otherCard.end')}
        </button>
      </div>
    </div>
  );
}
