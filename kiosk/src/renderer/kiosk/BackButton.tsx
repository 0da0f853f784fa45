// 返回: the same button in the same place (bottom-left of a screen's actions row) on every journey screen.
import type { ScreenProps } from './screen-props';

export function BackButton({ send, t }: Pick<ScreenProps, 'send' | 't'>) {
  return (
    <button type="button" className="btn btn-secondary" data-testid="back" onClick={() => send({ type: 'BACK' })}>
      {t('common.back')}
    </button>
  );
}
