// Development-only route beside the platform API (not in openapi.yaml: a real issuer puts the code on the
// resident's phone): POST /dev/identity-codes {residentId, kind?, spoil?} → {code, expiresAt}; spoil gives a code
// the issuer refuses (issued 61 s ago, verified once already, revoked). The simulated
// scanner's CLI (`identity RESIDENT`) and the developer panel show what it returns to the scanner.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxDb } from './db';
import { issueIdentityCode, markIdentityCodeUsed } from './handlers/identity-codes';

const Body = z.object({
  residentId: z.string().regex(/^[a-z0-9]{2,16}$/),
  kind: z.enum(['ctid', 'social_security', 'gd_personal', 'sz_personal']).default('ctid'),
  spoil: z.enum(['expired', 'used', 'revoked']).optional(),
}).strict();

export function attachDevIdentityCodes(app: FastifyInstance, db: SandboxDb, now: () => number): void {
  app.post('/dev/identity-codes', async (req, reply) => {
    const body = Body.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: { code: 'validation_failed', message: 'residentId, kind, revoked' } });
    try {
      const { residentId, kind, spoil } = body.data;
      const issued = issueIdentityCode(db, spoil === 'expired' ? now() - 61_000 : now(), residentId, kind, { revoked: spoil === 'revoked' });
      if (spoil === 'used') markIdentityCodeUsed(db, issued.code, now());
      return reply.code(201).send(issued);
    } catch (err) {
      return reply.code(404).send({ error: { code: 'not_found', message: (err as Error).message } });
    }
  });
}
