// Strings of the kiosk's persistent frame and its shared pieces (bottom bar, 语音 panel, pager, tiles):
// namespace 'frame'. Kept apart from the journey table so the frame and the screens change without meeting.
import type { WithPlurals } from '@easydo/core/ui/i18n-types';

export const frameZh = {
  voice: '语音',
  bar: '常用操作',
  pager: { page: '第 {{n}} 页，共 {{total}} 页', prev: '上一页', next: '下一页' },
  items: '{{count}} 个事项',
  promise: '承诺 {{days}} 个工作日',
  promiseNow: '即办',
};

export const frameEn: WithPlurals<typeof frameZh> = {
  voice: 'Voice',
  bar: 'Common actions',
  pager: { page: 'Page {{n}} of {{total}}', prev: 'Previous', next: 'Next page' },
  items: '{{count}} services',
  items_one: '{{count}} service',
  promise: 'Done in {{days}} working days',
  promise_one: 'Done in {{days}} working day',
  promiseNow: 'Done on the spot',
};
