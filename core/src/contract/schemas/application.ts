// Applications as the renderer submits and sees them.
import { z } from 'zod';

export const FormValue = z.union([z.string().max(2000), z.number(), z.boolean()]);
/** One value of an application form: the one type for screens, desks and the journal. */
export type FormValue = z.infer<typeof FormValue>;

export const SubmitApplicationRequest = z.object({
  itemCode: z.string().min(1).max(64),
  /** Fields the resident typed. Card and library prefill are merged in main, never trusted from here. */
  form: z.record(z.string().max(64), FormValue),
  /** The applicant's on-screen signature: a PNG data URL (kept only until the application is journaled). */
  signaturePng: z
    .string()
    .max(1_500_000)
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'a PNG data URL')
    .optional(),
});
export type SubmitApplicationRequest = z.infer<typeof SubmitApplicationRequest>;

export const LocalStage = z.enum(['draft', 'submitted-locally', 'accepted', 'receipt-printed', 'evaluated']);
export type LocalStage = z.infer<typeof LocalStage>;

export const SubmitApplicationResponse = z.object({
  localId: z.string(),
  localStage: LocalStage,
  /** Server-issued, opaque. Null while the application waits in the outbox (offline). */
  acceptanceNumber: z.string().nullable(),
  queryPassword: z.string().nullable(),
  /** Local tracking code printed on an offline receipt. */
  trackingCode: z.string(),
  serverStage: z.string().nullable(),
});
export type SubmitApplicationResponse = z.infer<typeof SubmitApplicationResponse>;

export const FieldType = z.enum(['text', 'number', 'date', 'select', 'phone', 'idNumber', 'textarea']);

/** One form field as the screen shows it. Personal values prefilled from the card or library arrive masked. */
export const FormFieldView = z.object({
  key: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
  type: FieldType,
  required: z.boolean(),
  editable: z.boolean(),
  prefilled: z.enum(['card', 'library']).nullable(),
  /** The value to show (masked where personal); null when empty. */
  display: z.string().nullable(),
  options: z.array(z.object({ value: z.string(), label: z.object({ zh: z.string(), en: z.string() }) })).optional(),
  pattern: z.string().optional(),
  maxLength: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});
export type FormFieldView = z.infer<typeof FormFieldView>;

export const PreparedForm = z.object({
  itemCode: z.string(),
  fields: z.array(FormFieldView),
});
export type PreparedForm = z.infer<typeof PreparedForm>;
