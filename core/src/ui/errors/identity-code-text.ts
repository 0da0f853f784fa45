// What the refusals of identity by phone code say (namespace 'errors', reasons), zh-CN and English: what went
// wrong and what the resident does now (refresh the code, use the card, go to a counter).
import type { IDENTITY_CODE_REASONS } from '@easydo/core/contract/error-reasons';

type Texts = Record<(typeof IDENTITY_CODE_REASONS)[number], string>;

export const identityCodeZh: Texts = {
  'code-expired': '这个码已过期（动态码 60 秒内有效）。请在手机上刷新后重新出示。',
  'code-used': '这个码已经使用过。请在手机上刷新，出示新的码。',
  'code-unknown-issuer': '无法识别这个码。请出示电子身份证（网证）、粤省事、i深圳或电子社保卡的身份码。',
  'code-revoked': '这个身份码已被停用。请使用身份证办理，或到窗口咨询。',
  'code-clock-skew': '本机时间与平台不一致，暂时无法核验身份码。请使用身份证办理，或联系工作人员。',
  'code-malformed': '这个码不完整，无法核验。请在手机上刷新后重新出示。',
  'code-unreadable': '没有读清这个码。请把手机屏幕调亮，放平在扫码窗口上方再试一次。',
  'code-timeout': '没有扫到码。需要时请重新点击“亮码办事”。',
  'code-not-same-person': '手机上的身份码与所放证件不是同一个人，不能继续办理。请出示本人证件和本人的码。',
  'code-kind-not-accepted': '本机不接受这种码。请使用身份证，或出示电子身份证（网证）。',
  'no-code-scanner': '本机的扫码器暂时无法使用，请使用身份证办理。',
  'physical-card-required': '这个事项需要核验实体身份证（人证合一），不能只凭手机码办理。请把身份证放在读卡区。',
  'card-plus-code-required': '这个事项需要“证 + 码”双重核验：请在手机上打开本人身份码，对准扫码窗口。',
};

export const identityCodeEn: Texts = {
  'code-expired': 'This code has expired (a dynamic code is valid for 60 seconds). Refresh it on your phone and show it again.',
  'code-used': 'This code has already been used. Refresh it on your phone and show the new one.',
  'code-unknown-issuer': 'This code is not recognised. Show your electronic ID (CTID), Yueshengshi, iShenzhen or electronic social security card code.',
  'code-revoked': 'This identity code has been withdrawn. Please use your ID card, or ask at a counter.',
  'code-clock-skew': "This terminal's clock does not agree with the platform, so codes cannot be checked now. Please use your ID card or ask staff.",
  'code-malformed': 'This code is incomplete and cannot be checked. Refresh it on your phone and show it again.',
  'code-unreadable': 'The code could not be read. Turn up the screen brightness and hold the phone flat above the scan window.',
  'code-timeout': 'No code was scanned. Tap "Show phone code" again when you are ready.',
  'code-not-same-person': 'The phone code and the card on the reader do not belong to the same person. Please use your own card and your own code.',
  'code-kind-not-accepted': 'This terminal does not accept this kind of code. Please use your ID card or your electronic ID (CTID).',
  'no-code-scanner': 'The code scanner is not working at the moment. Please use your ID card.',
  'physical-card-required': 'This service needs your physical ID card to be checked; a phone code alone is not enough. Please place your card on the reader.',
  'card-plus-code-required': 'This service needs card plus code: open your identity code on your phone and hold it over the scan window.',
};
