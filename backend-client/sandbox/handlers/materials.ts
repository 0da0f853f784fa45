// Checks each submitted material before an application is stored: an uploaded file must be complete
// with the announced digest; an electronic certificate must be one the resource library holds for this
// applicant, of the type the item's material accepts (the platform trusts it as issued, level A).
import { isCertificateMaterial, type ApplicationSubmission, type CatalogueItem, type ElectronicCertificate } from '../../src/types';
import { ApiError, type HandlerContext } from './context';
import { completedUpload } from './uploads';

function libraryCertificates(ctx: HandlerContext, idNumber: string): ElectronicCertificate[] {
  const row = ctx.db.prepare('SELECT library_json FROM residents WHERE id_number = ?').get(idNumber) as { library_json: string } | undefined;
  if (!row) return [];
  return (JSON.parse(row.library_json) as { electronicCertificates?: ElectronicCertificate[] }).electronicCertificates ?? [];
}

export function checkMaterials(ctx: HandlerContext, item: CatalogueItem, body: ApplicationSubmission): void {
  let held: ElectronicCertificate[] | undefined;
  for (const m of body.materials) {
    if (isCertificateMaterial(m)) {
      held ??= libraryCertificates(ctx, body.applicant.idNumber);
      const cert = held.find((c) => c.number === m.electronicCertificateNumber);
      const wanted = item.materials.find((x) => x.code === m.code)?.electronicCertificateType;
      // Details name the material only: the certificate number is personal data and stays out of errors.
      if (!cert) throw new ApiError(422, 'certificate_unknown', 'no such electronic certificate for this applicant', { code: m.code });
      if (!wanted || cert.type !== wanted) throw new ApiError(422, 'certificate_unknown', 'this certificate cannot stand in for the material', { code: m.code });
      continue;
    }
    // A check must point into the file it describes, or the back office would look for a page that is not there.
    if (m.fieldChecks?.some((c) => c.page > m.pageCount)) throw new ApiError(422, 'validation_failed', 'a field check names a page the material does not have', { code: m.code });
    const up = completedUpload(ctx, m.uploadId);
    if (!up || up.sha256 !== m.sha256) throw new ApiError(422, 'upload_incomplete', 'material not uploaded (or digest differs)', { code: m.code });
  }
}
