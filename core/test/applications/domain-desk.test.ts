// The domains get the application desk without its journal and outbox (TerminalContext.applications): they read
// records and delivery status through narrow facets; only the composition root (Terminal) holds the whole desk.
// The type half is checked by tsc (npm run typecheck covers the tests): each @ts-expect-error line fails the
// type-check the day a domain can reach the journal again. The source half: no product file reaches past the
// facets (the tests may, through the Terminal).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TerminalContext } from '../../src/services/terminal/context';
import type { Terminal } from '../../src/services/terminal/compose';

type DomainApplications = TerminalContext['applications'];
// @ts-expect-error a domain cannot reach the journal
export type NoJournal = DomainApplications['journal'];
// @ts-expect-error a domain cannot reach the outbox
export type NoOutbox = DomainApplications['outbox'];
// @ts-expect-error records cannot write an application
export type NoEnqueue = DomainApplications['records']['enqueue'];
// @ts-expect-error delivery cannot be stopped by a domain
export type NoStop = DomainApplications['delivery']['stop'];
/** The composition root keeps the whole desk: it closes it, and tests read the journal through it. */
export type Whole = Terminal['applications']['journal'];

const root = path.resolve(import.meta.dirname, '../../..');
function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('the desk as domains see it', () => {
  it('no product source reaches the journal or outbox through the context', () => {
    const reaching = ['core/src', 'counter/src', 'kiosk/src', 'fleet/src']
      .flatMap((d) => sources(path.join(root, d)))
      .filter((f) => /\bapplications\.(journal|outbox)\b/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(reaching).toEqual([]);
  });
});
