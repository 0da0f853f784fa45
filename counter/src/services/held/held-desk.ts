// Counter applications the outbox set aside as needs-clerk: the platform refused the clerk's sign-in (expired
// overnight, signed out elsewhere), so no retry can help. Listed at the counter with the reason; the clerk who
// took one re-authorises it once signed in again (the platform records that clerk as the one who accepted it).
import type { HeldApplication } from '@easydo/core/contract/schemas/counter-held';
import type { SubmitApplicationResponse } from '@easydo/core/contract/schemas/application';
import { Failure } from '@easydo/core/services/errors/failure';
import type { TerminalContext } from '@easydo/core/services/terminal/context';
import { applicationLine } from '../documents/application-line';

type Ctx = Pick<TerminalContext, 'applications' | 'catalogue'>;

export class HeldDesk {
  /** `takenBy` answers who took an application at this counter (the workload record), null when unknown. */
  constructor(private readonly ctx: Ctx, private readonly takenBy: (localId: string) => Promise<string | null>) {}

  async list(): Promise<HeldApplication[]> {
    // A row found unreadable while listing comes back quarantined, without its submission: not a held one.
    const held = (await this.ctx.applications.records.list({ states: ['needs-clerk'], withData: true })).filter((a) => a.submission);
    return Promise.all(held.map(async (a) => ({
      ...(await applicationLine(a, this.ctx.catalogue)),
      takenBy: await this.takenBy(a.localId),
      reason: 'clerk-token-expired' as const,
      since: a.settledAt === null ? null : new Date(a.settledAt).toISOString(),
    })));
  }

  /** Sends it again under `clerk`'s token; only the clerk who took it, when that is known. */
  async reauthorise(localId: string, clerk: { staffId: string; token: string }): Promise<SubmitApplicationResponse> {
    const owner = await this.takenBy(localId);
    if (owner !== null && owner !== clerk.staffId) throw new Failure('forbidden', 'Another clerk took this application; that clerk re-authorises it', 'not-yours');
    return this.ctx.applications.resubmit(localId, clerk.token);
  }
}
