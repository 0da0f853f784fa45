// What every journey screen receives: the session (machine context), a way to send events, the language.
import type { TFunction } from 'i18next';
import type { JourneyContext, JourneyEvent } from './journey-machine';
import type { ServiceState } from '@easydo/core/contract/schemas/device';

export type Lang = 'zh' | 'en';

export interface ScreenProps {
  ctx: JourneyContext;
  send: (e: JourneyEvent) => void;
  lang: Lang;
  t: TFunction<'journey'>;
  service: ServiceState | undefined;
  /** The visit began while the terminal was in service: it may finish when only the receipt printer stops. */
  startedInService?: boolean;
  /** Speaks through the kiosk's one speaker, at the volume this resident chose (never a screen's own). */
  speak: (text: string) => void;
}
