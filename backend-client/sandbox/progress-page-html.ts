// The sandbox's stand-in for the platform's public progress page (what a phone shows after scanning the slip):
// plain HTML, Chinese with English beside it, every value escaped, no script, nothing personal (the status holds
// no name or ID number). Times in Shenzhen's civil time, as the slip prints them.
import type { ApplicationStatus, Stage } from '../src/types';

const STAGE_EN: Record<Stage, string> = {
  预受理: 'Received',
  受理: 'Accepted',
  不予受理: 'Not accepted',
  补齐补正: 'Supplement needed',
  办理中: 'In progress',
  办结: 'Completed',
  已领取: 'Collected',
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const LOCAL = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
const local = (iso: string) => LOCAL.format(new Date(iso));

function page(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)}</title></head>`,
    `<body>${body}</body></html>`,
  ].join('\n');
}

export function progressPageHtml(s: ApplicationStatus): string {
  const rows = s.history
    .map((e) => {
      const extra = [e.reason, e.result, e.supplementList?.length ? `需补充 Please supplement：${e.supplementList.join('、')}` : undefined].filter(Boolean) as string[];
      return `<li data-stage="${escapeHtml(e.stage)}"><time datetime="${escapeHtml(e.at)}">${escapeHtml(local(e.at))}</time> ${escapeHtml(e.stage)} ${escapeHtml(STAGE_EN[e.stage])}${extra.map((x) => `<br>${escapeHtml(x)}`).join('')}</li>`;
    })
    .join('');
  const body = [
    '<main>',
    '<h1>办理进度 Application progress</h1>',
    `<p>事项 Service：${escapeHtml(s.itemName.zh)} ${escapeHtml(s.itemName.en)}</p>`,
    `<p>受理编号 Acceptance no.：<span data-field="acceptanceNumber">${escapeHtml(s.acceptanceNumber)}</span></p>`,
    `<p>承办部门 Department：${escapeHtml(s.department.name)}${s.department.nameEn ? ` ${escapeHtml(s.department.nameEn)}` : ''}</p>`,
    `<p>当前状态 Current stage：<strong data-field="stage">${escapeHtml(s.stage)}</strong> ${escapeHtml(STAGE_EN[s.stage])}</p>`,
    `<p>提交时间 Submitted：${escapeHtml(local(s.submittedAt))}</p>`,
    `<p>办结时限 Due：${escapeHtml(s.dueDate)}</p>`,
    `<ol data-field="history">${rows}</ol>`,
    '</main>',
  ].join('\n');
  return page(`办理进度 ${s.acceptanceNumber}`, body);
}

/** The same page for a link that opens nothing: one text for an unknown number and a wrong token. */
export function progressErrorHtml(status: 400 | 404): string {
  const text =
    status === 404
      ? '<p>没有找到这份回执的办理进度。请确认扫描的是回执上的二维码，或凭受理编号和查询密码在终端或窗口查询。</p><p>No progress was found for this receipt. Scan the QR code on the receipt, or check with the acceptance number and query password at a terminal or a counter.</p>'
      : '<p>这个链接不完整。请重新扫描回执上的二维码。</p><p>This link is incomplete. Please scan the QR code on the receipt again.</p>';
  return page('办理进度 Application progress', `<main><h1>办理进度 Application progress</h1>${text}</main>`);
}
