import type { TFunction } from 'i18next';
import type { KeyboardLabels } from '@easydo/core/ui/keyboard/OnScreenKeyboard';

export function useKeyboardLabels(t: TFunction<'journey'>): KeyboardLabels {
  return {
    pinyin: t('keyboard.pinyin'),
    latin: t('keyboard.latin'),
    symbols: t('keyboard.symbols'),
    space: t('keyboard.space'),
    backspace: t('keyboard.backspace'),
    clear: t('keyboard.clear'),
    shift: t('keyboard.shift'),
    done: t('keyboard.done'),
    candidates: t('keyboard.candidates'),
    composing: t('keyboard.composing'),
  };
}
