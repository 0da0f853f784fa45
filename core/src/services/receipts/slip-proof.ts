// What proves a slip is this application's: the token of its progress link, made under this terminal's secret, or
// the query password its receipt holds. The one rule for 补打 at the kiosk and a slip's QR at the counter.
import { timingSafeEqual } from 'node:crypto';
import { progressTokenMatches } from '@easydo/backend-client/progress-link';
import type { Journal } from '@easydo/backend-client/outbox/journal';
import type { LocalApplication } from '@easydo/backend-client/outbox/journal-types';

export type ReprintProof = { acceptanceNumber: string; queryPassword: string } | { acceptanceNumber: string; progressToken: string };

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function proofMatches(proof: ReprintProof, app: Pick<LocalApplication, 'receipt'>, terminalSecret: string): boolean {
  if ('progressToken' in proof) return progressTokenMatches(terminalSecret, proof.acceptanceNumber, proof.progressToken);
  return app.receipt != null && sameSecret(app.receipt.queryPassword, proof.queryPassword);
}

/**
 * The applications this terminal issued `acceptanceNumber` to. The number is sealed at rest (only the receipt holds
 * it), so it is matched here, among the delivered rows SQL picked.
 */
export async function issuedWithNumber(journal: Pick<Journal, 'list'>, acceptanceNumber: string): Promise<LocalApplication[]> {
  return (await journal.list({ states: ['accepted', 'receipt-printed', 'evaluated'], withData: true, newestFirst: true }))
    .filter((a) => a.acceptanceNumber === acceptanceNumber && a.receipt);
}
