// Intake on the resident's behalf: materials captured at the counter or imported, checked against the
// originals (trust C → B with the clerk stamped), and the submission. Images travel as base64 strings.
import { z } from 'zod';
import { FormValue, PreparedForm, SubmitApplicationResponse } from './application';
import { LocalText } from './catalogue';
import { PageChecks, PageSummary } from './journey-materials';

export const Trust = z.object({ level: z.enum(['B', 'C']), verifiedBy: z.string().nullable(), verifiedAt: z.string().nullable() });

/** The journey's page basics, with who checked the page against its original. */
export const MaterialPageView = PageSummary.pick({ id: true, source: true, materialCode: true, suggestedCode: true, ocr: true }).extend({
  trust: Trust,
  /** Small JPEG, base64. */
  thumbnail: z.string().max(2_000_000),
  /** What was read off the page, checked against the resident's card (the kiosk's checks, masked the same way). */
  fieldChecks: PageChecks,
});
export type MaterialPageView = z.infer<typeof MaterialPageView>;

export const MaterialRequirement = z.object({
  code: z.string(),
  name: LocalText,
  required: z.number().int().nonnegative(),
  originalsRequired: z.boolean(),
  pages: z.number().int().nonnegative(),
  verifiedPages: z.number().int().nonnegative(),
  missing: z.boolean(),
});
export type MaterialRequirement = z.infer<typeof MaterialRequirement>;

/**
 * A value read off a material for a form field that is still empty as prepared (让数据多跑腿: the clerk fills it
 * with a touch instead of typing it off the paper). Only clearly read values (confidence ≥ 85, check digit valid).
 */
export const FormOffer = z.object({
  formKey: z.string().min(1).max(64),
  value: z.string().min(1).max(500),
  materialCode: z.string().min(1).max(64),
  pageId: z.string().min(1).max(64),
  confidence: z.number().min(0).max(100),
});
export type FormOffer = z.infer<typeof FormOffer>;

export const MaterialsView = z.object({
  itemCode: z.string(),
  pages: z.array(MaterialPageView),
  /** One per form field at most, from the first material that offers it. */
  offers: z.array(FormOffer).max(64),
  requirements: z.array(MaterialRequirement),
  complete: z.boolean(),
  /** Every page checked against its original (trust B). */
  allVerified: z.boolean(),
});
export type MaterialsView = z.infer<typeof MaterialsView>;

export const BeginIntakeRequest = z.object({ itemCode: z.string().min(1).max(64) }).strict();
export const BeginIntakeResponse = z.object({ form: PreparedForm, materials: MaterialsView });
export type BeginIntakeResponse = z.infer<typeof BeginIntakeResponse>;

/** 8 MB bridge messages: a base64 page stays under that. */
export const AddPageRequest = z
  .object({
    /** camera: the clerk captured it from the original (trust B); file: imported (trust C until verified). */
    source: z.enum(['camera', 'file']),
    materialCode: z.string().min(1).max(64).nullable(),
    imageBase64: z.string().min(100).max(7_500_000).regex(/^[A-Za-z0-9+/=]+$/),
  })
  .strict();
/** A batch from the counter's scanner, filed under a material (or left for the clerk to file). */
export const ScanRequest = z.object({ materialCode: z.string().min(1).max(64).nullable() }).strict();
export const ScanResult = z.object({ pages: z.array(MaterialPageView) });
export type ScanResult = z.infer<typeof ScanResult>;
export const PageRequest = z.object({ pageId: z.string().min(1).max(64) }).strict();
export const AssignPageRequest = z.object({ pageId: z.string().min(1).max(64), materialCode: z.string().min(1).max(64).nullable() }).strict();

export const SubmitIntakeRequest = z
  .object({
    itemCode: z.string().min(1).max(64),
    form: z.record(z.string().max(64), FormValue),
    /** The clerk accepts with materials missing (a 补齐补正 notice follows). */
    allowMissingMaterials: z.boolean().default(false),
  })
  .strict();

export const IntakeResult = SubmitApplicationResponse.extend({
  itemName: LocalText,
  materials: z.array(z.object({ code: z.string(), name: z.string(), pages: z.number().int(), trust: z.enum(['B', 'C']) })),
});
export type IntakeResult = z.infer<typeof IntakeResult>;
