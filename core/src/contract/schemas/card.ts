// The cardholder as the renderer may see it: masked. Raw card data stays in main's session object.
import { z } from 'zod';

export const CardType = z.enum(['resident', 'hmt_permit', 'foreigner_2017', 'foreigner_2023']);
export type CardType = z.infer<typeof CardType>;

export const MaskedCard = z.object({
  cardType: CardType,
  nameMasked: z.string(),
  /** A foreigner's own name in Latin letters, masked (O*****, C**** E*******): what screens greet them by. */
  latinNameMasked: z.string().optional(),
  idNumberMasked: z.string(),
  gender: z.string(),
  /** Birth year only: enough to greet or offer elder mode, not enough to identify. */
  birthYear: z.string(),
  validTo: z.string(),
  expired: z.boolean(),
  checkDigitValid: z.boolean(),
  nationality: z.string().optional(),
});
export type MaskedCard = z.infer<typeof MaskedCard>;
