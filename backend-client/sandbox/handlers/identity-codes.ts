// The sandbox's stand-in for the phone-code issuers (CTID 网证, 电子社保卡, 粤省事, i深圳): it issues dynamic codes
// for the synthetic residents, valid 60 s and once, and verifies them as the platform would, answering with the
// identity (or only "same person as the card") or a typed refusal. Codes are random ids; everything they stand
// for lives in the sandbox's SQLite, as an issuer keeps it, so the code itself carries no personal data.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SandboxDb } from '../db';
import type { IdentityCodeKind, IdentityCodeRequest, IdentityVerification, VerifiedIdentity } from '../../src/types';
import type { Handler } from './context';
import { newToken, tokenHash } from './context';

export const IDENTITY_CODE_TTL_MS = 60_000;
/** How far the terminal's scan time may be from the platform's clock. */
const MAX_CLOCK_SKEW_MS = 120_000;

const ISSUERS: Record<IdentityCodeKind, { issuer: string; assurance: 'low' | 'substantial' | 'high' }> = {
  ctid: { issuer: '公安部第一研究所 CTID 平台（沙箱）', assurance: 'high' },
  social_security: { issuer: '人力资源社会保障部 电子社保卡（沙箱）', assurance: 'substantial' },
  gd_personal: { issuer: '广东省政务服务数据管理局 粤省事（沙箱）', assurance: 'substantial' },
  sz_personal: { issuer: '深圳市政务服务数据管理局 i深圳（沙箱）', assurance: 'substantial' },
};
const KINDS = Object.keys(ISSUERS) as IdentityCodeKind[];

interface SeedPerson {
  seedId: string;
  cardType: VerifiedIdentity['cardType'];
  idNumber: string;
  name: string;
  /** The synthetic card's last day (fixtures/idcard/cardholders.json), as the issuer of a 网证 knows it. */
  documentValidTo?: string;
}

let people: SeedPerson[] | null = null;
function seedPeople(): SeedPerson[] {
  people ??= (JSON.parse(readFileSync(new URL('../seed/residents.json', import.meta.url), 'utf8')) as { residents: SeedPerson[] }).residents;
  return people;
}

const ensured = new WeakSet<SandboxDb>();
function table(db: SandboxDb): SandboxDb {
  if (!ensured.has(db)) {
    db.exec(`CREATE TABLE IF NOT EXISTS identity_codes (code_hash TEXT PRIMARY KEY, kind TEXT NOT NULL, seed_id TEXT NOT NULL,
      expires_at INTEGER NOT NULL, used_at INTEGER, revoked INTEGER NOT NULL DEFAULT 0)`);
    ensured.add(db);
  }
  return db;
}

/** What the record holds beyond the number: birth date and sex from the number's layout (GB 11643; the 2017 permit's). */
export function personOf(p: SeedPerson): VerifiedIdentity {
  const n = p.idNumber;
  const [birth, seq] = p.cardType === 'foreigner_2017' ? [`19${n.slice(5, 11)}`, n.slice(11, 14)] : [n.slice(6, 14), n.slice(14, 17)];
  return { name: p.name, idNumber: n, cardType: p.cardType, gender: Number(seq) % 2 === 1 ? '1' : '2', birthDate: birth, ...(p.documentValidTo ? { documentValidTo: p.documentValidTo } : {}) };
}

export interface IssuedCode {
  code: string;
  expiresAt: string;
}

/** Issues a fresh dynamic code for a synthetic resident (the developer panel, the simulator CLI, tests). */
export function issueIdentityCode(db: SandboxDb, now: number, seedId: string, kind: IdentityCodeKind = 'ctid', options: { revoked?: boolean; ttlMs?: number } = {}): IssuedCode {
  if (!seedPeople().some((p) => p.seedId === seedId)) throw new Error(`no synthetic resident ${seedId}`);
  if (!KINDS.includes(kind)) throw new Error(`no code kind ${kind}`);
  const code = `SBX1.${kind}.${randomBytes(18).toString('base64url')}`;
  const expiresAt = now + (options.ttlMs ?? IDENTITY_CODE_TTL_MS);
  table(db)
    .prepare('INSERT INTO identity_codes (code_hash, kind, seed_id, expires_at, revoked) VALUES (?, ?, ?, ?, ?)')
    .run(tokenHash(code), kind, seedId, expiresAt, options.revoked ? 1 : 0);
  return { code, expiresAt: new Date(expiresAt).toISOString() };
}

export function markIdentityCodeUsed(db: SandboxDb, code: string, now: number): void {
  table(db).prepare('UPDATE identity_codes SET used_at = ? WHERE code_hash = ?').run(now, tokenHash(code));
}

const refused = (reason: Extract<IdentityVerification, { outcome: 'refused' }>['reason']): IdentityVerification => ({ outcome: 'refused', reason });

export const verifyIdentityCode: Handler = (ctx, req) => {
  const body = req.body as IdentityCodeRequest;
  const now = ctx.now();
  const answer = (v: IdentityVerification) => ({ status: 200, body: v });
  if (Math.abs(Date.parse(body.scannedAt) - now) > MAX_CLOCK_SKEW_MS) return answer(refused('clock_skew'));
  const parts = body.code.split('.');
  if (parts[0] !== 'SBX1' || parts[1] !== body.codeKind) return answer(refused('unknown_issuer'));
  if (parts.length !== 3 || !/^[A-Za-z0-9_-]{24}$/.test(parts[2]!)) return answer(refused('malformed'));
  const db = table(ctx.db);
  const row = db.prepare('SELECT seed_id, expires_at, used_at, revoked FROM identity_codes WHERE code_hash = ?').get(tokenHash(body.code)) as
    | { seed_id: string; expires_at: number; used_at: number | null; revoked: number }
    | undefined;
  if (!row) return answer(refused('malformed'));
  if (row.revoked) return answer(refused('revoked'));
  if (row.used_at !== null) return answer(refused('already_used'));
  if (row.expires_at < now) return answer(refused('expired'));
  // Used once: the conditional update is the one place the "once" is decided.
  const taken = db.prepare('UPDATE identity_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL').run(now, tokenHash(body.code));
  if (taken.changes !== 1) return answer(refused('already_used'));
  const person = seedPeople().find((p) => p.seedId === row.seed_id)!;
  const identity = personOf(person);
  const { issuer, assurance } = ISSUERS[body.codeKind];
  const verified = { outcome: 'verified' as const, codeKind: body.codeKind, issuer, assuranceLevel: assurance, identityToken: newToken() };
  if (body.purpose === 'card_match') return answer({ ...verified, sameAsCard: body.cardIdNumber === identity.idNumber });
  return answer({ ...verified, identity });
};
