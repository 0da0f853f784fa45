// Identity by a phone's dynamic code (亮码办事) as the renderer sees it: which code, the masked identity main
// verified, and how the session's identity was established. The code itself never crosses to the renderer.
import { z } from 'zod';
import { MaskedCard } from './card';

export const CodeKind = z.enum(['ctid', 'social_security', 'gd_personal', 'sz_personal']);
export type CodeKind = z.infer<typeof CodeKind>;

/** How the session's identity was established: the card, the phone code, or both checked to be one person. */
export const IdentityMethod = z.enum(['card', 'code', 'card+code']);
export type IdentityMethod = z.infer<typeof IdentityMethod>;

export const ScanCodeRequest = z.object({ codeKind: CodeKind }).strict();

export const CodeIdentity = z.object({
  card: MaskedCard,
  method: IdentityMethod,
  codeKind: CodeKind,
  assurance: z.enum(['low', 'substantial', 'high']),
});
export type CodeIdentity = z.infer<typeof CodeIdentity>;

/** What an item needs beyond the session's identity: nothing, the physical card (人证合一), or card plus code. */
export const ItemIdentityNeed = z.object({
  need: z.enum(['none', 'physicalCard', 'cardPlusCode']),
  method: IdentityMethod.nullable(),
});
export type ItemIdentityNeed = z.infer<typeof ItemIdentityNeed>;

export const IdentityOptions = z.object({
  /** A 2D scanner is configured and working. */
  available: z.boolean(),
  codeKinds: z.array(CodeKind),
  scanTimeoutSeconds: z.number().int(),
});
export type IdentityOptions = z.infer<typeof IdentityOptions>;

export const SimShowCodeRequest = z
  .object({
    residentId: z.string().regex(/^[a-z0-9]{2,16}$/),
    codeKind: CodeKind.default('ctid'),
    /** Shows a code the issuer refuses: issued 61 s ago, already used once, or revoked. */
    spoil: z.enum(['expired', 'used', 'revoked']).optional(),
  })
  .strict();
