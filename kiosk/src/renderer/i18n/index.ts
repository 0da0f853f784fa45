// i18next with zh-CN as default and English as the switch. Resources are bundled: no network at run time.
// Each domain owns its namespace file, so screens of different modes never edit the same strings file.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { counterEn, counterZh } from '@easydo/counter/ui/i18n';
import { zhCN } from './zh-CN';
import { en } from './en';
import { journeyEn, journeyZh } from './domains/journey';
import { adminEn, adminZh } from './domains/admin';
import { errorsEn, errorsZh } from '@easydo/core/ui/errors/error-text';
import { feedbackEn, feedbackZh } from '@easydo/core/ui/feedback/feedback-text';
import { adminLabelsEn, adminLabelsZh } from './domains/admin-labels';
import { frameEn, frameZh } from './domains/frame';

export function initI18n(language: 'zh-CN' | 'en' = 'zh-CN') {
  void i18n.use(initReactI18next).init({
    resources: {
      'zh-CN': { translation: zhCN, journey: journeyZh, admin: adminZh, counter: counterZh, errors: errorsZh, adminLabels: adminLabelsZh, feedback: feedbackZh, frame: frameZh },
      en: { translation: en, journey: journeyEn, admin: adminEn, counter: counterEn, errors: errorsEn, adminLabels: adminLabelsEn, feedback: feedbackEn, frame: frameEn },
    },
    lng: language,
    fallbackLng: 'zh-CN',
    showSupportNotice: false,
    interpolation: { escapeValue: false },
  });
  return i18n;
}
