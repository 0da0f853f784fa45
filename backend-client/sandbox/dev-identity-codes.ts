// Development-only route beside the platform API (not in openapi.yaml: a real issuer puts the code on the
// resident's phone): POST /dev/identity-codes {residentId, kind?, revoked?} → {code, expiresAt}. The simulated
// scanner's CLI (`identity RESIDENT`) and the developer panel show what it returns to the scanner.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxDb } from './db';
import { issueIdentityCode } from './handlers/identity-codes';

const Body = z.object({
  residentId: z.string().regex(/^[a-z0-9]{2,16}$/),
  kind: z.enum(['ctid', 'social_security', 'gd_personal', 'sz_personal']).default('ctid'),
  revoked: z.boolean().default(false),
}).strict();

export function attachDevIdentityCodes(app: FastifyInstance, db: SandboxDb, now: () => number): void {
  app.post('/dev/identity-codes', async (req, reply) => {
    const body = Body.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: { code: 'validation_failed', message: 'residentId, kind, revoked' } });
    try {
      return reply.code(201).send(issueIdentityCode(db, now(), body.data.residentId, body.data.kind, { revoked: body.data.revoked }));
    } catch (err) {
      return reply.code(404).send({ error: { code: 'not_found', message: (err as Error).message } });
    }
  });
}
