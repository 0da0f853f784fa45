// What 朗读本页 says on the receipt screen: the slip in words a person can follow, in the session's language.
// It never speaks the query password, a full acceptance number or any part of the name or ID number (the
// hall can hear it): it says where they are printed and reads only the last four characters of the number.
// When the printer could not print the slip (paper out, a fault) it never says "take the receipt": it says the
// application is in, that the receipt is on the screen, and what the screen offers instead (重新打印 once the
// printer is back, the hand-over code for a counter, 补打 later with the number and password).
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

export interface SpeechOptions {
  /** A 补打 (the slip says so). */
  reprint?: boolean;
  /** The printer did not print it: the device reason (paperOut, coverOpen, …). Absent: printed. */
  printFault?: string | undefined;
}

/** Why the slip is not in the tray, in words (the device reason as ReceiptDesk hands it over). */
function faultWords(fault: string, lang: 'zh' | 'en'): string {
  if (fault === 'paperOut') return lang === 'zh' ? '打印机缺纸' : 'the printer is out of paper';
  if (fault === 'coverOpen') return lang === 'zh' ? '打印机的盖子没有关好' : 'the printer cover is open';
  return lang === 'zh' ? '打印机暂时不能打印' : 'the printer cannot print right now';
}

export function receiptSpeech(input: AcceptanceReceiptData, lang: 'zh' | 'en', options: SpeechOptions = {}): string {
  const d = acceptanceReceiptSchema.parse(input);
  const reprint = options.reprint ?? false;
  const fault = options.printFault;
  const tx = (t: Parameters<typeof textIn>[0]) => textIn(t, lang);
  const when = spokenTime(formatLocalDateTime(d.submittedAt, d.timeZone), lang);
  const materials = d.materials.map((m) =>
    lang === 'zh' ? `${tx(m.name)}${m.copies}份${m.form ? `，${tx(m.form)}` : ''}` : `${tx(m.name)}, ${m.copies} ${m.copies === 1 ? 'copy' : 'copies'}${m.form ? `, ${tx(m.form)}` : ''}`,
  );
  const o = d.outcome;
  if (lang === 'zh') {
    return [
      reprint ? '这是补打的回执。' : '',
      fault
        ? `${o.kind === 'accepted' ? '您的申请已受理' : '您的申请已提交，等待受理'}，不会丢失。因为${faultWords(fault, 'zh')}，回执没有打印出来，回执的内容显示在屏幕上。事项：${tx(d.itemName)}。`
        : o.kind === 'accepted' ? `您的申请已受理，回执正在打印。事项：${tx(d.itemName)}。` : `您的申请已提交，等待受理。事项：${tx(d.itemName)}。`,
      o.kind === 'accepted'
        ? `受理编号${fault ? '显示在屏幕上' : '印在回执上'}，尾号是 ${tail(o.acceptanceNumber)}。查询密码也${fault ? '显示在屏幕上，请记下来' : '印在回执上'}，请妥善保管，不要告诉他人。`
        : `本地跟踪码${fault ? '显示在屏幕上' : '印在回执上'}，尾号是 ${tail(o.trackingCode)}。`,
      `提交时间：${when}。`,
      materials.length > 0 ? `已收材料：${materials.join('；')}。` : '没有收取纸质材料。',
      `下一步：${tx(d.nextStep)}`,
      `办理时限：${tx(d.timeLimit)}。`,
      fault
        ? `屏幕上的姓名和证件号码已部分隐藏。您可以用手机拍下屏幕上的回执；打印机恢复后，点“重新打印”就能取到纸质回执；到办理窗口时，报屏幕上的取件码即可。${o.kind === 'accepted' ? '以后也可以在本机输入受理编号和查询密码补打回执。' : ''}`
        : '回执上的姓名和证件号码已部分隐藏。请取走回执。',
    ].filter(Boolean).join('');
  }
  return [
    reprint ? 'This is a reprinted receipt. ' : '',
    fault
      ? `Your application has been ${o.kind === 'accepted' ? 'accepted' : 'submitted and awaits acceptance'}, and it is safe. The receipt was not printed because ${faultWords(fault, 'en')}; it is shown on the screen. Service: ${tx(d.itemName)}. `
      : o.kind === 'accepted' ? `Your application has been accepted and the receipt is printing. Service: ${tx(d.itemName)}. ` : `Your application has been submitted and awaits acceptance. Service: ${tx(d.itemName)}. `,
    o.kind === 'accepted'
      ? `The acceptance number is ${fault ? 'shown on the screen' : 'printed on the receipt'}; it ends in ${tail(o.acceptanceNumber)}. The query password is ${fault ? 'shown on the screen too: write it down,' : 'printed on the receipt too:'} keep it safe and do not tell anyone. `
      : `The tracking code is ${fault ? 'shown on the screen' : 'printed on the receipt'}; it ends in ${tail(o.trackingCode)}. `,
    `Submitted on ${when}. `,
    materials.length > 0 ? `Materials received: ${materials.join('; ')}. ` : 'No paper materials were received. ',
    `Next step: ${tx(d.nextStep)} `,
    `Time limit: ${tx(d.timeLimit)}. `,
    fault
      ? `Your name and ID number are partly hidden on the screen. You can take a photo of the receipt on the screen; once the printer is back, tap “Print again” for the paper receipt; at a counter, give the code shown on the screen.${o.kind === 'accepted' ? ' Later you can also reprint it here with the acceptance number and query password.' : ''}`
      : 'Your name and ID number are partly hidden on the receipt. Please take the receipt.',
  ].filter(Boolean).join('').trim();
}
