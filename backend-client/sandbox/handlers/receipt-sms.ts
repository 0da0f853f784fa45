// 短信回执 in the sandbox: proven by number + query password (the same 404 for a wrong one as a query gives, so
// numbers stay unenumerable); the message a real platform would text is kept in `receipt_sms` for tests and drills.
import { randomBytes } from 'node:crypto';
import type { ReceiptSmsRequest, SubmissionReceipt } from '../../src/types';
import { ApiError, type Handler } from './context';
import { findApplication } from './applications';

export const sendReceiptSms: Handler = (ctx, req) => {
  const body = req.body as ReceiptSmsRequest;
  const row = findApplication(ctx, body.acceptanceNumber);
  const receipt = row ? (JSON.parse(row.receipt_json) as SubmissionReceipt) : undefined;
  if (!row || receipt?.queryPassword !== body.queryPassword) throw new ApiError(404, 'not_found', 'no application with this number and password');
  const messageId = `sms_${randomBytes(9).toString('base64url')}`;
  const sentAt = ctx.now();
  const text = `【易办事】您的申请已受理，受理编号${receipt.acceptanceNumber}，查询密码${receipt.queryPassword}。可凭编号和密码在自助终端或窗口查询进度、补打回执。`;
  ctx.db.prepare('INSERT INTO receipt_sms (message_id, acceptance_number, phone, body, sent_at) VALUES (?, ?, ?, ?, ?)').run(messageId, body.acceptanceNumber, body.phone, text, sentAt);
  return { status: 202, body: { messageId, sentAt: new Date(sentAt).toISOString() } };
};
