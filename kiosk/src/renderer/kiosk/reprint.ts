// What a 补打 (receipt:reprint) needs: the acceptance number and query password the resident proved by
// querying with them, typed or from an older slip's QR (easydo://query?no=…&pw=…, as main's parseReceiptQr reads
// it), or the slip's progress-page QR (https://<host>/progress/<no>?t=<token>) passed as scanned: main checks the
// token against this terminal's secret. A card query or an offline tracking QR (easydo://track?code=…) proves
// nothing about a receipt: no reprint.
import type { ReprintReceiptRequest } from '@easydo/core/contract/schemas/journey-receipt';
import type { z } from 'zod';
import type { ContractError } from '@easydo/core/contract/errors';
import type { QueryRequest } from './journey-machine';

export type ReprintRequest = z.infer<typeof ReprintReceiptRequest>;

const fits = (s: string | null | undefined, max: number): s is string => typeof s === 'string' && s.length > 0 && s.length <= max;

export function reprintRequestOf(asked: QueryRequest | null): ReprintRequest | null {
  if (!asked || asked.by === 'card') return null;
  if (asked.by === 'number') {
    const { acceptanceNumber, queryPassword } = asked;
    return fits(acceptanceNumber, 64) && fits(queryPassword, 32) ? { acceptanceNumber, queryPassword } : null;
  }
  let url: URL;
  try {
    url = new URL(asked.payload.trim());
  } catch {
    return null;
  }
  // Only its shape here; the token is main's to check.
  if (url.protocol === 'https:' && /^\/progress\/[^/]+$/.test(url.pathname) && url.searchParams.get('t')) {
    const qrPayload = asked.payload.trim();
    return fits(qrPayload, 512) ? { qrPayload } : null;
  }
  if (url.protocol !== 'easydo:' || url.hostname !== 'query') return null;
  const acceptanceNumber = url.searchParams.get('no');
  const queryPassword = url.searchParams.get('pw');
  return fits(acceptanceNumber, 64) && fits(queryPassword, 32) ? { acceptanceNumber, queryPassword } : null;
}

export type ReprintProblem = 'paperOut' | 'printer' | 'notFound' | 'purged' | 'other';

/** Which plain-words explanation a failed 补打 gets (reasons as ReceiptDesk and the printer service throw them). */
export function reprintProblemOf(error: ContractError): ReprintProblem {
  if (error.code === 'device') return error.reason === 'paperOut' ? 'paperOut' : 'printer';
  if (error.reason === 'not-found') return 'notFound';
  if (error.reason === 'purged') return 'purged';
  return 'other';
}
