// Names cannot be recognised by shape the way ID numbers can. While a resident session is open, its own personal
// values (name, English name, address, numbers) are registered here so the redactor scrubs them from free text.
//
// What is kept: never the value, only a keyed digest (HMAC-SHA256 under a random per-process key) of its folded
// form, with its length and a 32-bit rolling hash to find candidate windows quickly. When the session is wiped,
// its terms are not dropped at once: they stay for a short grace period (default 5 minutes), because lines are
// still written just after a wipe (a late print or network error naming the resident). Honest limits: a digest of
// a two-character name can be brute-forced by someone holding this process's memory (key included), so the grace
// period is kept short and the digests are deleted when it ends. A name is found in any case, full-width or
// not, its Latin words joined by any gap (`ZHANG, SAN`, `ZHANG<<SAN`: fold.ts collapseNameGaps), and a Chinese
// name also in pinyin (romanised-names.ts); not in a spelling nobody registered (Wade-Giles, Cantonese).
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { collapseNameGaps, foldMapped, replaceFolded } from './fold';
import { romanisedNames } from './romanised-names';
import { REDACTED } from './text-shapes';

export const DEFAULT_GRACE_MS = 5 * 60_000;

interface Term {
  length: number;
  roll: number;
  digest: string;
  /** A Latin word taken out of a longer name: only counts between word boundaries ("der" is not in "order"). */
  bounded: boolean;
  /** Infinity while its session is open. */
  expiresAt: number;
}

/** A value as the registry compares it: folded, gaps between Latin words made one space. */
const view = (s: string) => collapseNameGaps(foldMapped(s)).text;
const isCjk = (s: string) => /[\u3400-\u9fff\uf900-\ufaff]/.test(s);
const LATIN_WORD = /[a-z0-9]/;

export class SensitiveTerms {
  private readonly key = randomBytes(32);
  private readonly base = (randomInt(1, 2 ** 31) * 2 + 1) >>> 0;
  private terms: Term[] = [];
  private graceMs: number;
  private now: () => number;
  #pruneTimer: NodeJS.Timeout | undefined;

  constructor(options: { graceMs?: number; now?: () => number } = {}) {
    this.graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
    this.now = options.now ?? Date.now;
  }

  /** For tests and for configuration: the grace period after wipe, and the clock it is measured on. */
  configure(options: { graceMs?: number; now?: () => number }): void {
    if (options.graceMs !== undefined) this.graceMs = options.graceMs;
    if (options.now) this.now = options.now;
  }

  /**
   * Registers a session's values (and the parts of multi-part names: `阿依古丽·努尔兰` → `努尔兰`,
   * `OKAFOR, CHIDI EMMANUEL` → `chidi`). Returns what the session calls at wipe: the terms then fade out
   * after the grace period.
   */
  add(values: ReadonlyArray<string | null | undefined>): () => void {
    this.prune();
    const added: Term[] = [];
    for (const value of values) {
      const whole = view(value?.trim() ?? '');
      if ([...whole].length < 2) continue;
      added.push(this.term(whole, false));
      const parts = whole.split(/[\s,·•・./_<-]+/).filter((p) => p !== whole);
      for (const p of parts) {
        if (isCjk(p) ? [...p].length >= 2 : p.length >= 3) added.push(this.term(p, !isCjk(p)));
      }
      // 张三 is also Zhang San: its Latin spellings count only as whole words ("lian" is in "alliance").
      for (const latin of romanisedNames(value ?? '')) added.push(this.term(view(latin), true));
    }
    this.terms.push(...added);
    return () => {
      const until = this.now() + this.graceMs;
      for (const t of added) t.expiresAt = Math.min(t.expiresAt, until);
      this.armPrune();
    };
  }

  /**
   * Nothing else may ask for a scrub soon: the digests are dropped at the end of the grace period all the same.
   * One timer for the registry, re-armed for the next fading term, not one per wipe: a terminal wiping ten
   * sessions a second (the soak) would otherwise hold 3,000 five-minute timers.
   */
  private armPrune(): void {
    if (this.#pruneTimer) return;
    let next = Infinity;
    for (const t of this.terms) next = Math.min(next, t.expiresAt);
    if (next === Infinity) return;
    this.#pruneTimer = setTimeout(() => {
      this.#pruneTimer = undefined;
      this.prune();
      this.armPrune();
    }, Math.min(Math.max(0, next - this.now()), this.graceMs) + 1).unref();
  }

  /** Every registered (or fading) term in `text`, replaced; matching is on the folded text, case-insensitive. */
  scrub(text: string): string {
    this.prune();
    if (this.terms.length === 0 || text.length < 2) return text;
    const mapped = collapseNameGaps(foldMapped(text));
    const folded = mapped.text;
    const spans: Array<[number, number]> = [];
    for (const [length, group] of this.byLength()) {
      if (length > folded.length) continue;
      const high = this.power(length - 1);
      let h = 0;
      for (let i = 0; i < length; i++) h = (Math.imul(h, this.base) + folded.charCodeAt(i)) >>> 0;
      for (let i = 0; ; i++) {
        const hits = group.get(h);
        if (hits) {
          const window = folded.slice(i, i + length);
          const digest = this.digest(window);
          const hit = hits.find((t) => t.digest === digest);
          if (hit && (!hit.bounded || (!LATIN_WORD.test(folded[i - 1] ?? '') && !LATIN_WORD.test(folded[i + length] ?? '')))) spans.push([i, i + length]);
        }
        if (i + length >= folded.length) break;
        h = (Math.imul((h - Math.imul(folded.charCodeAt(i), high)) >>> 0, this.base) + folded.charCodeAt(i + length)) >>> 0;
      }
    }
    return replaceFolded(text, mapped, spans, REDACTED);
  }

  /** How many terms are held (open or fading): for tests that the grace period ends. */
  get size(): number {
    this.prune();
    return this.terms.length;
  }

  private term(folded: string, bounded: boolean): Term {
    let roll = 0;
    for (let i = 0; i < folded.length; i++) roll = (Math.imul(roll, this.base) + folded.charCodeAt(i)) >>> 0;
    return { length: folded.length, roll, digest: this.digest(folded), bounded, expiresAt: Infinity };
  }

  private digest(folded: string): string {
    return createHmac('sha256', this.key).update(folded).digest('base64');
  }

  private power(n: number): number {
    let p = 1;
    for (let i = 0; i < n; i++) p = Math.imul(p, this.base) >>> 0;
    return p;
  }

  private byLength(): Map<number, Map<number, Term[]>> {
    const out = new Map<number, Map<number, Term[]>>();
    for (const t of this.terms) {
      let group = out.get(t.length);
      if (!group) out.set(t.length, (group = new Map()));
      group.set(t.roll, [...(group.get(t.roll) ?? []), t]);
    }
    return out;
  }

  private prune(): void {
    const now = this.now();
    if (this.terms.some((t) => t.expiresAt <= now)) this.terms = this.terms.filter((t) => t.expiresAt > now);
  }
}

/** The terminal's one registry: the logger's redactor reads it, sessions write it. */
export const sessionTerms = new SensitiveTerms();

export function addSensitiveTerms(values: ReadonlyArray<string | null | undefined>): () => void {
  return sessionTerms.add(values);
}

export function scrubSensitiveTerms(text: string): string {
  return sessionTerms.scrub(text);
}
