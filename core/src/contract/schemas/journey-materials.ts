// Materials capture for the current resident session: pages, OCR status, checklist, e-certificates.
// Images travel as base64 (JSON-safe over the browser bridge); OCR text never reaches the renderer.
import { z } from 'zod';
import { LocalText } from './catalogue';

/**
 * ~5.9 MB of image as base64 (4/3 expansion): the browser bridge drops messages over 8 MB
 * (kiosk/src/browser-shell/bridge-protocol.ts MAX_MESSAGE_BYTES), so a larger limit here would turn a
 * typed validation error into a closed socket. Raise both together (≥ 21 MB there for 15 MB images).
 */
export const MAX_IMAGE_BASE64 = 7_900_000;

export const PageOcrStatus = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);

export const PageSummary = z.object({
  id: z.string(),
  source: z.enum(['camera', 'scanner', 'file']),
  materialCode: z.string().nullable(),
  /** The material OCR suggests for this page (the resident confirms with materials:assign). */
  suggestedCode: z.string().nullable(),
  ocr: PageOcrStatus,
  progress: z.number().min(0).max(1),
  /** C = resident's own capture; B = checked against the original by a clerk. */
  trust: z.enum(['B', 'C']),
});
export type PageSummary = z.infer<typeof PageSummary>;

/**
 * What a field read off the page was compared with: the card in the reader, or a form field (its catalogue key).
 * Mirrors core/services/materials/fields/cross-check (FieldCheck.against).
 */
export const FieldCheckAgainst = z.union([
  z.enum(['card.name', 'card.idNumber', 'card.address', 'card.birthDate']),
  z.string().regex(/^form\.[A-Za-z][A-Za-z0-9_]{0,63}$/),
]);

/** One check of a field read off this page (never corrected: a difference is shown and left to the person). */
export const PageFieldCheck = z.object({
  against: FieldCheckAgainst,
  /** The form field's label, for a check against the form; null for the card. */
  formLabel: LocalText.nullable(),
  /** mismatch: read clearly and different; unreadable: not read well enough to say (e.g. a number failing its check rule). */
  status: z.enum(['match', 'mismatch', 'unreadable']),
  /** What was read, masked by the card's rule (names, ID numbers, credit codes); null for addresses, dates and other text. */
  readMasked: z.string().max(64).nullable(),
});
export type PageFieldCheck = z.infer<typeof PageFieldCheck>;

/**
 * The checks of what was read on a page filed under a material with fixed fields (ID card copy, 户口簿, 营业执照,
 * 租赁合同, 结婚证). none: nothing to say (not filed, no fixed fields, OCR not finished, nothing to compare with);
 * checked: see checks; nothingRead: none of the fields to compare could be read off the material (shown on its first page).
 */
export const PageChecks = z.object({
  state: z.enum(['none', 'checked', 'nothingRead']),
  checks: z.array(PageFieldCheck).max(16),
});
export type PageChecks = z.infer<typeof PageChecks>;

export const PageView = PageSummary.extend({
  /** JPEG thumbnail, base64 (no data: prefix). */
  thumbnailBase64: z.string().max(2_000_000),
  fieldChecks: PageChecks,
});
export type PageView = z.infer<typeof PageView>;

export const ChecklistEntry = z.object({
  code: z.string(),
  name: LocalText,
  /** Pages required; 0 = optional. */
  required: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  originalsRequired: z.boolean(),
  electronicCertificateType: z.string().nullable(),
  satisfiedBy: z.enum(['paper', 'electronic']).nullable(),
  electronicCertificateId: z.string().nullable(),
  missing: z.boolean(),
});

export const ChecklistView = z.object({
  materials: z.array(ChecklistEntry),
  /** Codes of required materials still missing. */
  missing: z.array(z.string()),
  complete: z.boolean(),
  unassignedPages: z.array(z.string()),
});
export type ChecklistView = z.infer<typeof ChecklistView>;

/** An electronic certificate the resource library holds for this resident (number masked). */
export const CertificateView = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  numberMasked: z.string(),
  issuer: z.string(),
  validTo: z.string().nullable(),
});

export const MaterialsState = z.object({
  itemCode: z.string(),
  checklist: ChecklistView,
  pages: z.array(PageView),
  certificates: z.array(CertificateView),
});
export type MaterialsState = z.infer<typeof MaterialsState>;

/** Starts capture; `form` carries the values the resident typed (checked against what is read; prefill stays in main). */
export const BeginMaterialsRequest = z
  .object({
    itemCode: z.string().min(1).max(64),
    form: z.record(z.string().max(64), z.string().max(2000)).optional(),
  })
  .strict();

export const AddImageRequest = z
  .object({
    imageBase64: z.string().min(100).max(MAX_IMAGE_BASE64).regex(/^[A-Za-z0-9+/=\s]+$/),
    source: z.enum(['camera', 'file']),
  })
  .strict();

export const AssignPageRequest = z.object({ pageId: z.string().min(1).max(64), materialCode: z.string().min(1).max(64).nullable() }).strict();
export const RemovePageRequest = z.object({ pageId: z.string().min(1).max(64) }).strict();
export const UseCertificateRequest = z
  .object({ materialCode: z.string().min(1).max(64), certificateId: z.string().min(1).max(128).nullable() })
  .strict();

export const MaterialsChanged = z.object({
  itemCode: z.string(),
  checklist: ChecklistView,
  pages: z.array(PageSummary),
});
export const OcrProgress = z.object({ pageId: z.string(), progress: z.number().min(0).max(1) });
