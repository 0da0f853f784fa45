// 好差评 at the counter: the clerk puts an application on the resident-facing pad; the pad answers with a
// level, the indicators and an optional comment (a poor rating: its reasons and, if asked for, a callback phone); main stamps acceptance number, item code, department and
// clerk, records it in the journal and the outbox delivers it (once). One evaluation per application.
import { randomUUID } from 'node:crypto';
import type { EvaluationLevel, EvaluationRequested } from '@easydo/core/contract/schemas/counter-evaluation';
import type { PoorRatingReason } from '@easydo/core/contract/schemas/evaluation-feedback';
import { Failure } from '@easydo/core/services/errors/failure';
import { poorRatingPart } from '@easydo/core/services/journey/evaluation';
import type { TerminalContext } from '@easydo/core/services/terminal/context';

type Ctx = Pick<TerminalContext, 'applications' | 'catalogue' | 'hub' | 'log'>;

interface Pending {
  localId: string;
  acceptanceNumber: string;
  itemCode: string;
  departmentCode: string;
  staffId: string;
}

export interface EvaluationInput {
  requestId: string;
  level: EvaluationLevel;
  indicators: { overall: EvaluationLevel; efficiency?: EvaluationLevel | undefined; quality?: EvaluationLevel | undefined; attitude?: EvaluationLevel | undefined };
  comment?: string | undefined;
  reasons?: PoorRatingReason[] | undefined;
  reasonText?: string | undefined;
  callbackPhone?: string | undefined;
}

export class EvaluationDesk {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly ctx: Ctx,
    /** For the clerk's workload: the level, and a poor rating's reason codes and whether a callback was asked for. */
    private readonly onRated: (localId: string, level: EvaluationLevel, feedback: { reasons: PoorRatingReason[]; callback: boolean }) => Promise<void>,
  ) {}

  async request(localId: string, staffId: string, windowNo: string): Promise<void> {
    let app;
    try {
      app = await this.ctx.applications.records.get(localId);
    } catch {
      throw new Failure('validation', 'Unknown application', 'not-found');
    }
    if (!app.receipt) throw new Failure('state', 'The application has no acceptance number yet; evaluate once it is accepted', 'no-number');
    if (app.evaluation) throw new Failure('state', 'This application has already been evaluated', 'already-evaluated');
    const item = await this.ctx.catalogue.item(app.itemCode);
    // One pad per counter: a new request replaces one left open.
    this.pending.clear();
    const requestId = randomUUID();
    this.pending.set(requestId, { localId, acceptanceNumber: app.receipt.acceptanceNumber, itemCode: item.code, departmentCode: app.receipt.department.code, staffId });
    const shown: EvaluationRequested = { requestId, acceptanceNumber: app.receipt.acceptanceNumber, itemName: item.name, windowNo };
    this.ctx.hub.emit('evaluation:requested', shown);
  }

  async submit(input: EvaluationInput): Promise<void> {
    const p = this.take(input.requestId);
    const indicators = Object.fromEntries(Object.entries(input.indicators).filter(([, v]) => v !== undefined)) as EvaluationInput['indicators'] & { overall: EvaluationLevel };
    try {
      await this.ctx.applications.records.recordEvaluation(p.localId, {
        acceptanceNumber: p.acceptanceNumber,
        itemCode: p.itemCode,
        departmentCode: p.departmentCode,
        level: input.level,
        indicators,
        ...(input.comment?.trim() ? { comment: input.comment.trim() } : {}),
        ...poorRatingPart(input),
        channel: 'counter',
        clerkStaffId: p.staffId,
      });
    } catch (err) {
      this.ctx.log.warn({ err, localId: p.localId }, 'evaluation not recorded');
      throw new Failure('state', 'This application cannot be evaluated now', 'not-evaluable');
    }
    void this.ctx.applications.delivery.drainNow().catch(() => undefined);
    // The rating is in the journal (what the platform gets); the clerk's own workload count failing is only logged.
    await this.onRated(p.localId, input.level, { reasons: input.reasons ?? [], callback: Boolean(input.callbackPhone) }).catch((err: unknown) =>
      this.ctx.log.warn({ err, localId: p.localId }, 'workload rating not recorded'),
    );
    this.ctx.hub.emit('evaluation:done', { requestId: input.requestId, level: input.level, acceptanceNumber: p.acceptanceNumber });
  }

  decline(requestId: string): void {
    const p = this.take(requestId);
    this.ctx.hub.emit('evaluation:done', { requestId, level: null, acceptanceNumber: p.acceptanceNumber });
  }

  private take(requestId: string): Pending {
    const p = this.pending.get(requestId);
    if (!p) throw new Failure('state', 'This evaluation is no longer open', 'not-pending');
    this.pending.delete(requestId);
    return p;
  }
}
