// Synthetic applications for drills and checks: obviously invented applicants (ID numbers start with
// "SYN", which no real card has), one small material each, tagged `synthetic:<seq>` so a re-run resumes.
import { createHash } from 'node:crypto';
import type { NewApplication, NewMaterial } from './journal';

export const SYNTHETIC_ITEM = 'QR00204001';

export function syntheticApplication(seq: number): { app: NewApplication; materials: NewMaterial[] } {
  const idNumber = `SYN${String(seq).padStart(15, '0')}`;
  const name = `合成申请人${seq}`;
  // A few KB of deterministic bytes per seq (distinct digests), standing in for a scanned page.
  const page = Buffer.alloc(4096 + (seq % 7) * 512);
  for (let off = 0; off < page.length; off += 32) createHash('sha256').update(`synthetic-page-${seq}-${off}`).digest().copy(page, off);
  return {
    app: {
      itemCode: SYNTHETIC_ITEM,
      applicant: { type: 'natural_person', idType: 'resident', idNumber, name },
      channel: 'kiosk',
      form: { applicantName: name, applicantIdNumber: idNumber, contactPhone: '13800000000', syntheticSeq: seq },
      label: `synthetic:${seq}`,
    },
    materials: [{ code: 'ID_CARD', pageCount: 1, trustLevel: 'C', contentType: 'image/png', data: page }],
  };
}
