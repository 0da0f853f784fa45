// What 朗读本页 says on the receipt screen: the slip in words a person can follow, in the session's language.
// It never speaks the query password, a full acceptance number or any part of the name or ID number (the
// hall can hear it): it says where they are printed and reads only the last four characters of the number.
import { formatLocalDateTime } from '@easydo/core/contract/local-time';
import { acceptanceReceiptSchema, textIn, type AcceptanceReceiptData } from './receipt-data';

/** "FT2025010200123" → "0 1 2 3": the tail, character by character, so it is heard as characters. */
function tail(value: string): string {
  return [...value.slice(-4)].join(' ');
}

/** "2025-01-02 09:30" → "2025年1月2日 9点30分" / "2 January 2025, 09:30". */
function spokenTime(local: string, lang: 'zh' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(local);
  if (!m) return local;
  const [, y, mo, d, h, mi] = m as unknown as [string, string, string, string, string, string];
  if (lang === 'zh') return `${y}年${Number(mo)}月${Number(d)}日 ${Number(h)}点${mi === '00' ? '整' : `${Number(mi)}分`}`;
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Number(mo) - 1];
  return `${Number(d)} ${month} ${y}, ${h}:${mi}`;
}

export function receiptSpeech(input: AcceptanceReceiptData, lang: 'zh' | 'en', reprint = false): string {
  const d = acceptanceReceiptSchema.parse(input);
  const tx = (t: Parameters<typeof textIn>[0]) => textIn(t, lang);
  const when = spokenTime(formatLocalDateTime(d.submittedAt, d.timeZone), lang);
  const materials = d.materials.map((m) =>
    lang === 'zh' ? `${tx(m.name)}${m.copies}份${m.form ? `，${tx(m.form)}` : ''}` : `${tx(m.name)}, ${m.copies} ${m.copies === 1 ? 'copy' : 'copies'}${m.form ? `, ${tx(m.form)}` : ''}`,
  );
  const o = d.outcome;
  if (lang === 'zh') {
    return [
      reprint ? '这是补打的回执。' : '',
      o.kind === 'accepted' ? `您的申请已受理，回执正在打印。事项：${tx(d.itemName)}。` : `您的申请已提交，等待受理。事项：${tx(d.itemName)}。`,
      o.kind === 'accepted'
        ? `受理编号印在回执上，尾号是 ${tail(o.acceptanceNumber)}。查询密码也印在回执上，请妥善保管，不要告诉他人。`
        : `本地跟踪码印在回执上，尾号是 ${tail(o.trackingCode)}。`,
      `提交时间：${when}。`,
      materials.length > 0 ? `已收材料：${materials.join('；')}。` : '没有收取纸质材料。',
      `下一步：${tx(d.nextStep)}`,
      `办理时限：${tx(d.timeLimit)}。`,
      '回执上的姓名和证件号码已部分隐藏。请取走回执。',
    ].filter(Boolean).join('');
  }
  return [
    reprint ? 'This is a reprinted receipt. ' : '',
    o.kind === 'accepted' ? `Your application has been accepted and the receipt is printing. Service: ${tx(d.itemName)}. ` : `Your application has been submitted and awaits acceptance. Service: ${tx(d.itemName)}. `,
    o.kind === 'accepted'
      ? `The acceptance number is printed on the receipt; it ends in ${tail(o.acceptanceNumber)}. The query password is printed on the receipt too: keep it safe and do not tell anyone. `
      : `The tracking code is printed on the receipt; it ends in ${tail(o.trackingCode)}. `,
    `Submitted on ${when}. `,
    materials.length > 0 ? `Materials received: ${materials.join('; ')}. ` : 'No paper materials were received. ',
    `Next step: ${tx(d.nextStep)} `,
    `Time limit: ${tx(d.timeLimit)}. `,
    'Your name and ID number are partly hidden on the receipt. Please take the receipt.',
  ].filter(Boolean).join('').trim();
}
