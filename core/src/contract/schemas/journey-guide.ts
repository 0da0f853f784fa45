// One catalogue item's guide (办事指南) as a screen shows it: readable by guests, no session needed.
import { z } from 'zod';
import { LocalText } from './catalogue';

export const ItemCodeRequest = z.object({ itemCode: z.string().min(1).max(64) }).strict();

export const GuideMaterial = z.object({
  code: z.string(),
  name: LocalText,
  /** Pages/copies required; 0 = optional. */
  count: z.number().int().nonnegative(),
  /** Originals must be shown for verification. */
  originalsRequired: z.boolean(),
  /** 电子证照 type that can replace the paper, or null. */
  electronicCertificateType: z.string().nullable(),
});
export type GuideMaterial = z.infer<typeof GuideMaterial>;

export const ItemGuide = z.object({
  code: z.string(),
  categoryCode: z.string(),
  name: LocalText,
  department: z.object({ code: z.string(), name: z.string() }),
  /** Legal time limit in working days. */
  timeLimitDays: z.number().int().nonnegative(),
  fee: z.object({ amountFen: z.number().int().nonnegative(), description: z.string() }),
  conditions: LocalText,
  basis: z.string().nullable(),
  applicantTypes: z.array(z.enum(['natural_person', 'legal_person', 'agent'])),
  materials: z.array(GuideMaterial),
});
export type ItemGuide = z.infer<typeof ItemGuide>;
