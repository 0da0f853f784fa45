// The public progress page of the receipt's QR link (getProgressPage): the number and the slip's token open
// the application's stage history, as HTML for a phone or JSON for a client that asks for it. An unknown number
// and a wrong token are the same 404, so the page tells nobody which numbers exist.
import { ApiError, type Handler } from './context';
import { findApplication, progressTokenOpens, statusOf } from './applications';
import { progressPageHtml } from '../progress-page-html';

// JSON only for a client that asks for it first; a browser's Accept (text/html first) gets the page.
export function wantsJson(accept: string | string[] | undefined): boolean {
  const first = (Array.isArray(accept) ? accept.join(',') : accept ?? '').split(',')[0]?.split(';')[0]?.trim().toLowerCase();
  return first === 'application/json';
}

export const getProgressPage: Handler = (ctx, req) => {
  const number = req.params['acceptanceNumber'] ?? '';
  const row = findApplication(ctx, number);
  if (!row || !progressTokenOpens(ctx, row, req.query['t'] ?? '')) throw new ApiError(404, 'not_found', 'no progress for this link');
  const status = statusOf(ctx, row);
  if (wantsJson(req.headers['accept'])) return { status: 200, body: status };
  return { status: 200, body: progressPageHtml(status), contentType: 'text/html', headers: { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } };
};
