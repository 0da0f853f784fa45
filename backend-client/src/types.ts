// Named aliases of the generated schema types: the public vocabulary of the backend client.
import type { components, operations } from './generated/api';

type S = components['schemas'];
export type Catalogue = S['Catalogue'];
export type Category = S['Category'];
export type CatalogueItem = S['CatalogueItem'];
export type FormField = S['FormField'];
export type FieldType = S['FieldType'];
export type RequiredMaterial = S['RequiredMaterial'];
export type Department = S['Department'];
export type LocalizedText = S['LocalizedText'];
export type ApplicantType = S['ApplicantType'];
export type LibraryField = S['LibraryField'];
export type ResidentLookupRequest = S['ResidentLookupRequest'];
export type ResidentRecord = S['ResidentRecord'];
export type ElectronicCertificate = S['ElectronicCertificate'];
export type CardSessionRequest = S['CardSessionRequest'];
export type CardSession = S['CardSession'];
export type IdentityCodeKind = S['IdentityCodeKind'];
export type IdentityCodeRequest = S['IdentityCodeRequest'];
export type IdentityVerification = S['IdentityVerification'];
export type VerifiedIdentity = S['VerifiedIdentity'];
export type UploadCreateRequest = S['UploadCreateRequest'];
export type UploadStatus = S['UploadStatus'];
export type TrustLevel = S['TrustLevel'];
export type Applicant = S['Applicant'];
export type SubmittedMaterial = S['SubmittedMaterial'];
export type UploadedMaterial = S['UploadedMaterial'];
export type MaterialFieldCheck = S['MaterialFieldCheck'];
export type CertificateMaterial = S['CertificateMaterial'];
export type ApplicationSubmission = S['ApplicationSubmission'];
export type SubmissionReceipt = S['SubmissionReceipt'];
export type Stage = S['Stage'];
export type StageEvent = S['StageEvent'];
export type ApplicationQuery = S['ApplicationQuery'];
export type ApplicantQuery = S['ApplicantQuery'];
export type ApplicationStatus = S['ApplicationStatus'];
export type ApplicationList = S['ApplicationList'];
export type EvaluationLevel = S['EvaluationLevel'];
export type Evaluation = S['Evaluation'];
export type EvaluationReason = S['EvaluationReason'];
export type EvaluationReceipt = S['EvaluationReceipt'];
export type ReceiptSmsRequest = S['ReceiptSmsRequest'];
export type ReceiptSmsReceipt = S['ReceiptSmsReceipt'];
export type DeviceStatus = S['DeviceStatus'];
export type Heartbeat = S['Heartbeat'];
export type HeartbeatAck = S['HeartbeatAck'];
export type ClerkLoginRequest = S['ClerkLoginRequest'];
export type ClerkSession = S['ClerkSession'];
export type ClerkWorkload = S['ClerkWorkload'];
export type ErrorBody = S['ErrorBody'];
export type ServerErrorCode = S['ErrorCode'];
export type OperationId = keyof operations;

export const STAGES: readonly Stage[] = ['预受理', '受理', '不予受理', '补齐补正', '办理中', '办结', '已领取'];
export const EVALUATION_LEVELS: readonly EvaluationLevel[] = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'];
/** Stars for a level: 非常满意 = 5 … 非常不满意 = 1. */
export function evaluationStars(level: EvaluationLevel): number {
  return 5 - EVALUATION_LEVELS.indexOf(level);
}

/** A material satisfied by an electronic certificate (电子证照) rather than an uploaded file. */
export function isCertificateMaterial(m: SubmittedMaterial): m is CertificateMaterial {
  return 'electronicCertificateNumber' in m;
}
