// 亮码办事 from the attract screen: a resident without the card shows a phone's identity code first; once it is
// verified the visit is theirs (masked, wiped, prefilled as a card's) and goes on to the catalogue.
import type { ScreenProps } from '../screen-props';
import { PhoneCodeScreen } from './PhoneCodeScreen';
import { BackButton } from '../BackButton';

export function CodeEntryScreen({ send, t, lang, speak }: ScreenProps) {
  return (
    <section className="panel code-entry" data-testid="code-entry">
      <h2>{t('codeEntry.title')}</h2>
      <p className="lead">{t('codeEntry.body')}</p>
      <PhoneCodeScreen send={send} lang={lang} speak={speak} mode="session" />
      <div className="actions">
        <BackButton send={send} t={t} />
      </div>
    </section>
  );
}
