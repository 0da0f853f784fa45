// What proves the right to a 补打: the number + query password as typed, or the slip's QR as scanned — its
// progress-page link (number + token, the token checked by the receipt desk against this terminal's secret) or
// an older slip's easydo://query link. An offline slip's tracking QR names no receipt yet: nothing to reprint.
import type { z } from 'zod';
import type { ReprintReceiptRequest } from '@easydo/core/contract/schemas/journey-receipt';
import { Failure } from '../errors/failure';
import type { ReprintProof } from '../receipts/slip-proof';
import { parseReceiptQr, type ParsedQr } from './progress';

/** What an accepted slip's QR proves: its progress link's token, or an older slip's number and password. */
export function slipProofOf(qr: Exclude<ParsedQr, { kind: 'track' }>): ReprintProof {
  return qr.kind === 'link' ? { acceptanceNumber: qr.acceptanceNumber, progressToken: qr.progressToken } : { acceptanceNumber: qr.acceptanceNumber, queryPassword: qr.queryPassword };
}

export function reprintProof(req: z.infer<typeof ReprintReceiptRequest>): ReprintProof {
  if (!('qrPayload' in req)) return { acceptanceNumber: req.acceptanceNumber, queryPassword: req.queryPassword };
  const qr = parseReceiptQr(req.qrPayload);
  if (qr.kind === 'track') throw new Failure('validation', 'An offline slip has no receipt to reprint yet', 'not-found');
  return slipProofOf(qr);
}
