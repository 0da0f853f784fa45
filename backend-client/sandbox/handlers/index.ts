// operationId → handler. The server refuses to start if the spec has an operation without one.
import type { OperationId } from '../../src/types';
import { listApplicationsByApplicant, queryApplication, submitApplication } from './applications';
import { createCardSession, getCatalogue, lookupResident, sendHeartbeat } from './catalogue-residents';
import { clerkLogin, getClerkWorkload, submitEvaluation } from './clerks';
import type { Handler } from './context';
import { getProgressPage } from './progress-page';
import { verifyIdentityCode } from './identity-codes';
import { sendReceiptSms } from './receipt-sms';
import { createUpload, getUpload, putUploadChunk } from './uploads';

export const HANDLERS: Record<OperationId, Handler> & Record<string, Handler | undefined> = {
  getCatalogue, lookupResident, createCardSession, createUpload, getUpload, putUploadChunk, submitApplication,
  queryApplication, listApplicationsByApplicant, submitEvaluation, sendHeartbeat, clerkLogin, getClerkWorkload,
  verifyIdentityCode, sendReceiptSms,
  // Public (not signed): the receipt QR's progress page, mounted apart by the server.
  getProgressPage,
};
