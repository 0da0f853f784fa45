// The on-screen signature travels with the application as one more material: a PNG the applicant made
// themselves (trust level D in 国办函〔2016〕108号's grading). Checked here, since it comes from the renderer.
import type { NewMaterial } from '@easydo/backend-client/outbox/journal';
import { Failure } from '../errors/failure';

export const SIGNATURE_MATERIAL_CODE = 'SIGNATURE';
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function signatureMaterial(dataUrl: string): NewMaterial {
  const data = new Uint8Array(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
  if (data.length < 64 || !PNG_MAGIC.every((b, i) => data[i] === b)) {
    throw new Failure('validation', 'The signature is not a PNG image', 'signature-invalid', [{ path: 'signaturePng', message: 'not a PNG image' }]);
  }
  return { code: SIGNATURE_MATERIAL_CODE, pageCount: 1, trustLevel: 'D', contentType: 'image/png', data };
}
