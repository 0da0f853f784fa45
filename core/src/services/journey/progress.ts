// Progress queries: by acceptance number + query password, by the receipt's QR payload, or by the card of
// the current session. Backend stage histories become plain words; an application still waiting in this
// terminal's outbox (offline receipt, easydo://track?code=…) is answered from the journal. The receipt's QR is the
// platform's progress link (https://<progressHost>/progress/<number>?t=<token>): the token, not a password, proves
// the slip, so the platform answers it for any terminal; slips printed before the link (easydo://query?no=&pw=) still read.
import { z } from 'zod';
import type { BackendClient } from '@easydo/backend-client/client';
import { BackendError } from '@easydo/backend-client/errors';
import { parseProgressPageUrl } from '@easydo/backend-client/progress-link';
import type { ApplicationQuery, ApplicationStatus } from '@easydo/backend-client/types';
import type { Journal, LocalApplication } from '@easydo/backend-client/outbox/journal';
import type { ProgressView } from '@easydo/core/contract/schemas/journey-progress';
import { Failure } from '../errors/failure';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { CardRecord } from '../session/card-record';
import { STAGE_LABEL, explain } from './stage-words';
import { QueryThrottle } from './query-throttle';

export function toProgressView(s: ApplicationStatus): ProgressView {
  return {
    acceptanceNumber: s.acceptanceNumber,
    itemCode: s.itemCode,
    itemName: s.itemName,
    department: s.department,
    submittedAt: s.submittedAt,
    dueDate: s.dueDate,
    stage: s.stage,
    stageLabel: STAGE_LABEL[s.stage],
    explanation: explain(s.stage),
    evaluated: s.evaluated,
    history: s.history.map((e) => ({
      stage: e.stage,
      stageLabel: STAGE_LABEL[e.stage],
      at: e.at,
      explanation: explain(e.stage),
      reason: e.reason ?? null,
      supplementList: e.supplementList ?? [],
      result: e.result ?? null,
    })),
  };
}

const QueryLink = z.object({ no: z.string().min(1).max(64), pw: z.string().min(1).max(32) });
const TrackLink = z.object({ code: z.string().regex(/^[0-9A-Z]{6,16}$/) });

export type ParsedQr =
  | { kind: 'link'; acceptanceNumber: string; progressToken: string }
  | { kind: 'query'; acceptanceNumber: string; queryPassword: string }
  | { kind: 'track'; trackingCode: string };

/** Parses the receipt QR (the https progress link, an older easydo://query?no=…&pw=…, or easydo://track?code=…); anything else is refused. */
export function parseReceiptQr(payload: string): ParsedQr {
  const link = parseProgressPageUrl(payload);
  if (link) return { kind: 'link', acceptanceNumber: link.acceptanceNumber, progressToken: link.token };
  let url: URL;
  try {
    url = new URL(payload.trim());
  } catch {
    throw new Failure('validation', 'This QR code is not a receipt code', 'qr-unknown');
  }
  const params = Object.fromEntries(url.searchParams);
  if (url.protocol === 'easydo:' && url.hostname === 'query') {
    const q = QueryLink.safeParse(params);
    if (q.success) return { kind: 'query', acceptanceNumber: q.data.no, queryPassword: q.data.pw };
  }
  if (url.protocol === 'easydo:' && url.hostname === 'track') {
    const t = TrackLink.safeParse(params);
    if (t.success) return { kind: 'track', trackingCode: t.data.code };
  }
  throw new Failure('validation', 'This QR code is not a receipt code', 'qr-unknown');
}

function backendFailure(err: unknown): unknown {
  if (!(err instanceof BackendError)) return err;
  if (err.code === 'not_found' || err.code === 'unauthorized' || err.code === 'validation') {
    return new Failure('validation', 'No application matches this number and password', 'not-found');
  }
  return new Failure('backend', `Progress cannot be checked right now (${err.code})`, 'progress-unavailable');
}

export class ProgressService {
  constructor(
    private readonly client: BackendClient,
    private readonly journal: Pick<Journal, 'list'>,
    private readonly catalogue: CatalogueService,
    /** Wrong passwords per acceptance number (shared with 补打, which also proves number + password). */
    readonly throttle: QueryThrottle = new QueryThrottle(),
  ) {}

  async byNumber(acceptanceNumber: string, queryPassword: string): Promise<ProgressView> {
    return this.proven(acceptanceNumber, { acceptanceNumber, queryPassword });
  }

  /** The slip's QR link: a forged token counts as a wrong try on that number, like a wrong password. */
  private async proven(acceptanceNumber: string, query: ApplicationQuery): Promise<ProgressView> {
    this.throttle.check(acceptanceNumber);
    let status: ApplicationStatus;
    try {
      status = await this.client.queryApplication(query);
    } catch (err) {
      const failure = backendFailure(err);
      if (failure instanceof Failure && failure.reason === 'not-found') throw this.throttle.wrong(acceptanceNumber);
      throw failure;
    }
    this.throttle.right(acceptanceNumber);
    return toProgressView(status);
  }

  async byQr(payload: string): Promise<ProgressView> {
    const parsed = parseReceiptQr(payload);
    if (parsed.kind === 'link') return this.proven(parsed.acceptanceNumber, { acceptanceNumber: parsed.acceptanceNumber, progressToken: parsed.progressToken });
    if (parsed.kind === 'query') return this.byNumber(parsed.acceptanceNumber, parsed.queryPassword);
    const [local] = await this.journal.list({ trackingCode: parsed.trackingCode, limit: 1 });
    if (!local) throw new Failure('validation', 'No application with this tracking code on this terminal', 'not-found');
    if (local.receipt) return this.byNumber(local.receipt.acceptanceNumber, local.receipt.queryPassword);
    return this.queued(local);
  }

  async byCard(card: CardRecord): Promise<ProgressView[]> {
    try {
      const { cardToken } = await this.client.createCardSession({ idNumber: card.idNumber, cardType: card.cardType, readAt: new Date().toISOString() });
      const { applications } = await this.client.listApplicationsByApplicant({ cardToken });
      return applications.map(toProgressView);
    } catch (err) {
      throw backendFailure(err);
    }
  }

  /** An application this terminal holds but the backend has not received yet. */
  private async queued(app: LocalApplication): Promise<ProgressView> {
    const item = await this.catalogue.item(app.itemCode).catch(() => null);
    const at = new Date(app.submittedAt ?? app.createdAt).toISOString();
    return {
      acceptanceNumber: null,
      itemCode: app.itemCode,
      itemName: item?.name ?? { zh: app.itemCode, en: app.itemCode },
      department: item?.department ?? { code: '', name: '' },
      submittedAt: at,
      dueDate: null,
      stage: '待提交',
      stageLabel: STAGE_LABEL['待提交'],
      explanation: explain('待提交'),
      evaluated: false,
      history: [{ stage: '待提交', stageLabel: STAGE_LABEL['待提交'], at, explanation: explain('待提交'), reason: null, supplementList: [], result: null }],
    };
  }
}
