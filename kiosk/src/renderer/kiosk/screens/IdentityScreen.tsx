import type { ScreenProps } from '../screen-props';
import { PlaceCardArt } from '../PlaceCardArt';
import { PhoneCodeScreen } from './PhoneCodeScreen';
import { BackButton } from '../BackButton';

export function IdentityScreen({ send, t, lang, speak }: ScreenProps) {
  return (
    <section className="panel identity" data-testid="identity">
      <h2>{t('identity.title')}</h2>
      <PlaceCardArt />
      <p className="lead">{t('identity.body')}</p>
      <p role="status">{t('identity.reading')}</p>
      <PhoneCodeScreen send={send} lang={lang} speak={speak} mode="session" />
      <div className="actions">
        <BackButton send={send} t={t} />
        <button type="button" className="btn btn-secondary" data-testid="identity-query" onClick={() => send({ type: 'QUERY' })}>
          {t('attract.query')}
        </button>
      </div>
    </section>
  );
}
