// The attract screen: place a card, show a phone's identity code (亮码办事, where a 2D scanner works), browse
// guides, query progress, or take a queue number (the counter's own component, mounted as is; no session is
// opened for it). When a required device failed it says so and still
// offers what works; it comes back by itself on service:changed.
import { Wrench } from 'lucide-react';
import { StateScreen } from '@easydo/core/ui/StateScreen';
import { TakeTicketButton } from '@easydo/counter/ui/TakeTicketButton';
import { useDeviceReasons } from '@easydo/core/ui/errors/DeviceReasons';
import { useQuery } from '@easydo/core/ui/terminal-context';
import type { ScreenProps } from '../screen-props';
import { printerNotice } from '../service-rules';
import { PlaceCardArt } from '../PlaceCardArt';
import { TerminalFrontArt, usePlaceOf } from '../hardware-layout';

export function AttractScreen({ send, t, service }: ScreenProps) {
  const out = service !== undefined && !service.inService;
  // Said before anyone starts: no receipt printing (on screen instead), or a roll about to run out.
  const printer = out ? null : printerNotice(service);
  const reasonsText = useDeviceReasons();
  // Where this cabinet's reader is: one sentence, drawn (the picture's name) and written beside it.
  const readerAt = t('attract.readerAt', { where: t(`where.${usePlaceOf('cardReader')}`) });
  // Asked again when the terminal's service changes (a scanner unplugged or back).
  const codes = useQuery('identity:options', {}, [service]);
  return (
    <section className="attract" data-testid="attract">
      {out && (
        // In place of the card picture: what still works and where to go instead. Not spoken by itself: nobody may
        // be there when it appears; a resident arriving hears it (voice.attractOutOfService).
        <StateScreen
          testId="out-of-service"
          title={t('attract.outOfService')}
          steps={[
            ...(service.reasons.length > 0 ? [t('attract.reason', { reason: reasonsText(service.reasons) })] : []),
            // The update agent's reason has its own words (core/src/services/update); others are an operator's words.
            ...(service.manual?.reason === 'updateInstalling' ? [{ text: t('attract.updateInstalling'), testId: 'updating' }] : service.manual?.reason ? [service.manual.reason] : []),
            t('attract.outOfServiceHint'),
            t('attract.outOfServiceCounter'),
          ]}
          art={<Wrench aria-hidden="true" className="icon state-icon" />}
        />
      )}
      {printer && (
        <p className="banner banner-warning" role="status" data-testid="printer-notice" data-notice={printer}>
          {t(`attract.${printer}`)}
        </p>
      )}
      <h1>{t('attract.welcome')}</h1>
      {!out && (
        <div className="attract-art">
          <PlaceCardArt />
          <TerminalFrontArt part="cardReader" label={readerAt} />
        </div>
      )}
      {!out && <p className="lead">{t('attract.placeCard')}</p>}
      {!out && (
        <p className="lead" data-testid="reader-at">
          {readerAt}
        </p>
      )}
      <div className="actions">
        <button type="button" className="btn btn-primary btn-main" data-testid="browse" onClick={() => send({ type: 'BROWSE' })}>
          {t('attract.browse')}
        </button>
        {!out && codes.data?.available === true && (
          <button type="button" className="btn btn-primary btn-main" data-testid="show-code" onClick={() => send({ type: 'SHOW_CODE' })}>
            {t('attract.showCode')}
          </button>
        )}
        <button type="button" className="btn btn-primary btn-main" data-testid="query" onClick={() => send({ type: 'QUERY' })}>
          {t('attract.query')}
        </button>
        <TakeTicketButton />
      </div>
      <p className="hint">{t('attract.elderHint')}</p>
    </section>
  );
}
