// Words of the poor-rating panel (namespace `feedback`), one file for the kiosk and the counter's pad.
import { POOR_RATING_REASONS, type PoorRatingReason } from '../../contract/schemas/evaluation-feedback';

const reasonsZh: Record<PoorRatingReason, string> = {
  'guide-unclear': '办事指南不清晰',
  'process-complicated': '办理流程繁琐',
  'too-many-materials': '提交材料过多',
  'too-slow': '办理时间过长',
  'repeated-trips': '需要多次跑动',
  'staff-attitude': '服务态度不好',
  'staff-unskilled': '业务不熟练',
  'system-hard-to-use': '系统操作不便',
  other: '其他',
};

export const feedbackZh = {
  title: '请告诉我们哪里不满意（可多选）',
  reasons: reasonsZh,
  text: '其他意见（选填）',
  textEdit: '填写意见',
  textEmpty: '未填写',
  callback: '需要工作人员回访',
  callbackHint: '请输入手机号码或带区号的固定电话，只用于回访。',
  phone: '回访电话：',
  phoneEmpty: '请在下方数字键盘输入',
  holdToShow: '按住显示',
  needReason: '请至少选择一项不满意的原因，或写下您的意见。',
  phoneInvalid: '电话号码不正确：手机号码是 11 位数字，固定电话请加区号。',
  keyboard: { pinyin: '拼音', latin: '英文', symbols: '符号', space: '空格', backspace: '删除', clear: '清空', shift: '大写', done: '完成', candidates: '候选字', composing: '正在输入的拼音' },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const feedbackEn: Strings<typeof feedbackZh> = {
  title: 'Please tell us what went wrong (choose any)',
  reasons: {
    'guide-unclear': 'The guide was unclear',
    'process-complicated': 'Too complicated',
    'too-many-materials': 'Too many documents',
    'too-slow': 'It took too long',
    'repeated-trips': 'I had to come several times',
    'staff-attitude': 'Unfriendly service',
    'staff-unskilled': 'Staff did not know the procedure',
    'system-hard-to-use': 'The machine was hard to use',
    other: 'Something else',
  },
  text: 'Your comments (optional)',
  textEdit: 'Write a comment',
  textEmpty: 'None',
  callback: 'I would like a call back',
  callbackHint: 'A mobile number, or a landline with its area code. Used only to call you back.',
  phone: 'Phone for the call back:',
  phoneEmpty: 'Type it on the keypad below',
  holdToShow: 'Hold to show',
  needReason: 'Please choose at least one reason, or write a comment.',
  phoneInvalid: 'That phone number is not right: a mobile has 11 digits; add the area code to a landline.',
  keyboard: { pinyin: 'Pinyin', latin: 'ABC', symbols: 'Symbols', space: 'Space', backspace: 'Delete', clear: 'Clear', shift: 'Shift', done: 'Done', candidates: 'Characters', composing: 'Pinyin being typed' },
};

export { POOR_RATING_REASONS };
