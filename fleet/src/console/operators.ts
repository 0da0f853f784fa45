// Operator sign-in: scrypt hashes, lockout after repeated failures (kept in the store, so a restart does not
// reset it), and sessions as random tokens of which only a SHA-256 digest is stored.
import { createHash, randomBytes } from 'node:crypto';
import type { Operator, OperatorRecord } from './model';
import { hashPassword, verifyPassword } from './passwords';
import type { FleetStore } from './store';

export const MAX_FAILURES = 5;
export const LOCK_BASE_MS = 15 * 60_000;
const LOCK_MAX_MS = 24 * 60 * 60_000;
export const SESSION_TTL_MS = 12 * 60 * 60_000;

export type SignInResult =
  | { ok: true; token: string; operator: Operator; expiresAt: string }
  | { ok: false; reason: 'invalid-credentials' }
  | { ok: false; reason: 'locked'; lockedUntil: string };

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const publicOf = (r: OperatorRecord): Operator => ({ username: r.username, role: r.role, district: r.district, street: r.street });

/** Each full block of MAX_FAILURES failures locks for twice as long as the one before (15 min, 30 min, ... 24 h). */
export function lockDurationMs(failures: number): number | null {
  if (failures < MAX_FAILURES || failures % MAX_FAILURES !== 0) return null;
  return Math.min(LOCK_MAX_MS, LOCK_BASE_MS * 2 ** (failures / MAX_FAILURES - 1));
}

export interface OperatorInput {
  username: string;
  password: string;
  role: Operator['role'];
  district?: string | null;
  street?: string | null;
}

export class Operators {
  /** A hash compared against when the name is unknown, so a miss costs the same time as a wrong password. */
  private decoy: Promise<string> = hashPassword(randomBytes(12).toString('hex'));

  constructor(
    private readonly store: FleetStore,
    private readonly now: () => number = Date.now,
  ) {}

  async upsert(input: OperatorInput): Promise<void> {
    if (input.role === 'street' && (!input.district || !input.street)) throw new Error(`street operator ${input.username} needs a district and a street`);
    await this.store.putOperator({
      username: input.username,
      role: input.role,
      district: input.role === 'street' ? (input.district ?? null) : null,
      street: input.role === 'street' ? (input.street ?? null) : null,
      passwordHash: await hashPassword(input.password),
      failedAttempts: 0,
      lockedUntil: null,
    });
  }

  async signIn(username: string, password: string): Promise<SignInResult> {
    const record = await this.store.getOperator(username);
    if (!record) {
      await verifyPassword(password, await this.decoy);
      return { ok: false, reason: 'invalid-credentials' };
    }
    const nowMs = this.now();
    if (record.lockedUntil && Date.parse(record.lockedUntil) > nowMs) return { ok: false, reason: 'locked', lockedUntil: record.lockedUntil };
    if (!(await verifyPassword(password, record.passwordHash))) {
      const lock = lockDurationMs(record.failedAttempts + 1);
      const lockedUntil = lock === null ? null : new Date(nowMs + lock).toISOString();
      await this.store.recordSignInFailure(username, lockedUntil);
      return lockedUntil ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason: 'invalid-credentials' };
    }
    await this.store.clearSignInFailures(username);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(nowMs + SESSION_TTL_MS).toISOString();
    await this.store.putSession(digest(token), { username, expiresAt });
    return { ok: true, token, operator: publicOf(record), expiresAt };
  }

  /** The operator a session token belongs to, or null (unknown, expired, or the operator was removed). */
  async authenticate(token: string | undefined): Promise<Operator | null> {
    if (!token || token.length > 100) return null;
    const session = await this.store.getSession(digest(token));
    if (!session) return null;
    if (Date.parse(session.expiresAt) <= this.now()) {
      await this.store.deleteSession(digest(token));
      return null;
    }
    const record = await this.store.getOperator(session.username);
    return record ? publicOf(record) : null;
  }

  async signOut(token: string | undefined): Promise<void> {
    if (token) await this.store.deleteSession(digest(token));
  }

  /** Operators whose password is the given one (the production profile refuses the development default). */
  async usingPassword(password: string): Promise<string[]> {
    const out: string[] = [];
    for (const op of await this.store.listOperators()) if (await verifyPassword(password, op.passwordHash)) out.push(op.username);
    return out;
  }
}
