// What every counter list says of a journaled application (held, picked up): its codes, the item's name
// (the code itself when the catalogue no longer has it) and the applicant masked. Lists add their own columns.
import type { LocalText } from '@easydo/core/contract/schemas/catalogue';
import { maskName } from '@easydo/core/services/privacy/masking';
import { trackingCodeOf } from '@easydo/core/services/applications/application-desk';
import type { JournaledApplication } from './document-data';

export interface ApplicationLine {
  localId: string;
  trackingCode: string;
  itemCode: string;
  itemName: LocalText;
  applicantMasked: string;
}

type Listed = Pick<JournaledApplication, 'localId' | 'itemCode'> & { submission: { applicant: { name: string } } | null };

export async function applicationLine(a: Listed, catalogue: { item(code: string): Promise<{ name: LocalText }> }): Promise<ApplicationLine> {
  const item = await catalogue.item(a.itemCode).catch(() => null);
  return {
    localId: a.localId,
    trackingCode: trackingCodeOf(a.localId),
    itemCode: a.itemCode,
    itemName: item?.name ?? { zh: a.itemCode, en: a.itemCode },
    applicantMasked: a.submission ? maskName(a.submission.applicant.name) : '',
  };
}
