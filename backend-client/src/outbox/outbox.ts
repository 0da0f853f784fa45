// Delivers journaled applications (and their evaluations) to the platform: materials first, each
// uploaded resumably, then the submission with the application's own idempotency key, so a retry after
// a crash, timeout or lost answer can only ever produce the one application the server already has.
// No row can stop the others: an unreadable one is quarantined, a refused clerk token sets the row aside
// for a clerk (needs-clerk), and an error in one pass is recorded and never becomes an unhandled rejection.
// A resident's own application is delivered at once (deliverNow, within a bounded wait) while the others
// keep their place and their back-off; a row is never worked on by two deliveries at the same time.
import type { BackendClient } from '../client';
import { BackendError } from '../errors';
import type { ApplicationSubmission, SubmittedMaterial } from '../types';
import { JournalError, type Journal, type JournalCounts, type LocalApplication, type LocalState } from './journal';


export interface OutboxChange {
  localId: string;
  state: LocalState;
  acceptanceNumber: string | null;
  error?: string;
}

export interface OutboxOptions {
  journal: Journal;
  client: BackendClient;
  onChange?: (change: OutboxChange) => void;
  /**
   * Back-off: delay = random(0.5..1) × min(maxMs, baseMs × 2^attempts). Defaults 1 s and 5 min. While the platform
   * is unreachable the whole outbox waits (one probe per wait, at most `outageMaxMs`, default 30 s, apart), so that
   * when it returns the queue drains at once and in journal order.
   */
  backoff?: { baseMs?: number; maxMs?: number; outageMaxMs?: number };
  /** How often the background loop looks for due work (default 1 s). */
  pollMs?: number;
  /** Personal data is purged this long after an application settles (accepted, failed, …; default 7 days). */
  retentionMs?: number;
  /** How often a pass also purges past-retention data (default 1 min; always after a delivery). */
  purgeEveryMs?: number;
  chunkSize?: number;
  now?: () => number;
  random?: () => number;
  /**
   * A resident's wait (deliverNow) while the platform is known to be down or not answering: still one real
   * attempt (it may be back), but the resident is not kept for the whole budget again (default 1 s).
   */
  doubtfulBudgetMs?: number;
  /** Resolves after `ms` (the bound of deliverNow's wait); injectable so tests run it on a fake clock. */
  wait?: (ms: number) => Promise<void>;
}

export interface OutboxStatus {
  running: boolean;
  depth: number;
  oldestPendingAt: number | null;
  byState: Partial<Record<LocalState, number>>;
  lastError: string | null;
  lastSuccessAt: number | null;
  pending: number;
  delivered: number;
  failed: number;
  quarantined: number;
  needsClerk: number;
}

export interface DrainResult {
  delivered: number;
  evaluationsDelivered: number;
  failed: number;
  retryLater: number;
  /** Set aside in this pass because their sealed data does not open. */
  quarantined: number;
  /** Set aside in this pass because the clerk's token was refused. */
  needsClerk: number;
}

/** What deliverNow saw: the delivery's own outcome, or `waiting` when the budget ran out first (it goes on). */
export type DeliverNowOutcome = 'delivered' | 'failed' | 'needs-clerk' | 'quarantined' | 'retry' | 'unreachable' | 'waiting' | 'not-pending';

export interface Outbox {
  start(): void;
  stop(): Promise<void>;
  /** One pass over everything pending, ignoring back-off schedules (the admin's "drain now"). */
  drainNow(): Promise<DrainResult>;
  /**
   * Delivers this one application now (whatever its back-off), answering within `budgetMs`: after that the
   * caller gets `waiting` and the attempt finishes in the background (the application stays in the outbox).
   * While the platform is in doubt (unreachable at the last try, or a resident's wait ran out with nothing
   * delivered since) the wait is `doubtfulBudgetMs` at most. No other row is touched. Never rejects.
   */
  deliverNow(localId: string, budgetMs: number): Promise<DeliverNowOutcome>;
  /** The status, counted in the journal now. */
  status(): Promise<OutboxStatus>;
  /** The status as of the last pass or status() call (a pass runs every pollMs): for once-a-minute readers. */
  lastStatus(): OutboxStatus;
}

export function createOutbox(options: OutboxOptions): Outbox {
  const { journal, client } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const baseMs = options.backoff?.baseMs ?? 1000;
  const maxMs = options.backoff?.maxMs ?? 300_000;
  const outageMaxMs = options.backoff?.outageMaxMs ?? Math.min(maxMs, 30_000);
  /** Platform unreachable: no background pass before this time, and how many probes in a row have failed. */
  let outageUntil = Number.NEGATIVE_INFINITY;
  let outageProbes = 0;
  /** When the open outage window was opened (its probe time is outageUntil). */
  let outageOpenedAt = Number.NEGATIVE_INFINITY;
  const retentionMs = options.retentionMs ?? 7 * 24 * 3600_000;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const purgeEveryMs = options.purgeEveryMs ?? 60_000;
  /** The pass in flight, settled either way (never rejects), so waiting on it cannot raise anything. */
  let pass: Promise<void> | undefined;
  let lastPurgeAt = Number.NEGATIVE_INFINITY;
  let lastError: string | null = null;
  let lastSuccessAt: number | null = null;
  /** A resident's wait ran out with the platform silent, and nothing has been delivered since. */
  let unansweredWait = false;
  const doubtfulBudgetMs = options.doubtfulBudgetMs ?? 1000;
  /** Rows being delivered right now (by a pass or by deliverNow), so none is sent twice at once. */
  const delivering = new Map<string, Promise<Outcome>>();
  const wait = options.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.()));

  const emit = (app: LocalApplication, error?: string) =>
    options.onChange?.({ localId: app.localId, state: app.state, acceptanceNumber: app.acceptanceNumber, ...(error ? { error } : {}) });
  const describe = (e: unknown) =>
    e instanceof BackendError ? `${e.code}${e.serverCode ? `/${e.serverCode}` : ''}: ${e.message}` : e instanceof Error ? e.message : String(e);
  const delay = (attempts: number, cap: number) => Math.round((0.5 + random() * 0.5) * Math.min(cap, baseMs * 2 ** Math.min(attempts, 30)));
  const retryAt = (attempts: number) => now() + delay(attempts, maxMs);
  /** Refusals that no retry can fix; everything else (network, timeout, 5xx, auth hiccups) is retried. */
  const permanent = (e: unknown) => e instanceof BackendError && (e.code === 'validation' || e.code === 'protocol' || e.serverCode === 'idempotency_conflict');

  /** The submission's clerk token was refused: only a person can fix that (a new sign-in), so no retry. */
  const clerkRefused = (e: unknown) => e instanceof BackendError && e.code === 'unauthorized';
  const unreadable = (e: unknown) => e instanceof JournalError && e.code === 'unreadable';
  /**
   * The platform as a whole cannot be reached (no connection, no answer, 503): trying the next rows now would
   * only fail too, and a later row that got through first would overtake the earlier ones. A row-specific
   * failure (a 500 on one payload, say) is not this: it backs off alone and the others go on.
   */
  const unreachable = (e: unknown) => e instanceof BackendError && (e.code === 'network' || e.code === 'timeout' || e.status === 503);

  type Outcome = 'delivered' | 'failed' | 'retry' | 'unreachable' | 'quarantined' | 'needs-clerk';

  /**
   * Every pending row waits for the same probe time, so the first one due after an outage is the oldest. An
   * attempt begun before the open window was opened joins that window when it fails: in a hanging network an older
   * attempt hangs longer than a newer one and fails after it, and a window of its own would let the newer row reach
   * the platform first. Any other failure opens the next window, which never ends before the open one: with the
   * jitter at the cap a later window could, and the rows waiting for the open one would then be passed over.
   */
  function enterOutage(startedAt = Number.POSITIVE_INFINITY): number {
    if (now() < outageUntil && startedAt < outageOpenedAt) return outageUntil;
    outageOpenedAt = now();
    outageUntil = Math.max(outageUntil, now() + delay(outageProbes++, outageMaxMs));
    return outageUntil;
  }

  async function deliver(app: LocalApplication): Promise<Outcome> {
    const startedAt = now();
    const clerkToken = app.submission?.clerkToken;
    let submitting = false; // only the submission carries the clerk token
    try {
      if (!app.submission) throw new JournalError('unreadable', 'submission data missing');
      for (const m of app.materials) {
        if (m.uploadId || m.kind === 'certificate' || !m.contentType) continue;
        const data = await journal.materialData(app.localId, m.idx);
        const up = await client.uploadFile(data, { contentType: m.contentType, ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}) });
        await journal.markMaterialUploaded(app.localId, m.idx, up.uploadId);
        m.uploadId = up.uploadId;
      }
      const { clerkToken: _token, ...rest } = app.submission;
      const checksOf = (code: string) => {
        const checks = rest.materialChecks?.[code];
        return checks && checks.length > 0 ? { fieldChecks: checks.slice(0, 32) } : {};
      };
      const materials: SubmittedMaterial[] = [];
      for (const m of app.materials) {
        materials.push(m.kind === 'certificate'
          ? { code: m.code, electronicCertificateNumber: await journal.certificateNumber(app.localId, m.idx), trustLevel: 'A' }
          : { code: m.code, sha256: m.sha256, pageCount: m.pageCount, trustLevel: m.trustLevel, uploadId: m.uploadId ?? '', ...checksOf(m.code) });
      }
      const body: ApplicationSubmission = { itemCode: rest.itemCode, applicant: rest.applicant, channel: rest.channel, form: rest.form, materials };
      submitting = true;
      const { receipt } = await client.submitApplication(body, { idempotencyKey: app.idempotencyKey, ...(clerkToken ? { clerkToken } : {}) });
      emit(await journal.markAccepted(app.localId, receipt));
      lastSuccessAt = now();
      // The platform answers: the queue need not wait for the outage's next probe, nor residents for doubt.
      outageProbes = 0;
      outageUntil = Number.NEGATIVE_INFINITY;
      unansweredWait = false;
      return 'delivered';
    } catch (e) {
      const msg = describe(e);
      lastError = msg;
      if (unreadable(e)) {
        await journal.quarantine(app.localId, 'unreadable');
        emit(await journal.get(app.localId), msg);
        return 'quarantined';
      }
      if (submitting && clerkToken && clerkRefused(e)) {
        await journal.markNeedsClerk(app.localId, msg);
        emit(await journal.get(app.localId), msg);
        return 'needs-clerk';
      }
      if (permanent(e)) {
        await journal.markFailed(app.localId, msg);
        emit(await journal.get(app.localId), msg);
        return 'failed';
      }
      // A late timeout of an attempt begun before a delivery that got through says nothing about the platform now.
      if (unreachable(e) && !(lastSuccessAt !== null && lastSuccessAt >= startedAt)) {
        await journal.scheduleRetry(app.localId, msg, enterOutage(startedAt));
        return 'unreachable';
      }
      await journal.scheduleRetry(app.localId, msg, retryAt(app.attempts));
      return 'retry';
    }
  }

  async function deliverEvaluation(app: LocalApplication): Promise<boolean> {
    if (!app.evaluation) return false;
    try {
      await client.submitEvaluation(app.evaluation);
    } catch (e) {
      // A lost answer to an earlier attempt: the server already has this evaluation.
      if (!(e instanceof BackendError && e.serverCode === 'already_evaluated')) {
        lastError = describe(e);
        if (permanent(e)) await journal.markEvaluationDelivered(app.localId);
        else await journal.scheduleRetry(app.localId, lastError, unreachable(e) ? enterOutage() : retryAt(app.attempts));
        return false;
      }
    }
    await journal.markEvaluationDelivered(app.localId);
    emit(await journal.get(app.localId));
    return true;
  }

  /** Anything a row's own handling threw (a journal write refused, a state changed under it): retry it later, go on with the others. */
  async function rowFailed(app: LocalApplication, e: unknown): Promise<void> {
    lastError = describe(e);
    try {
      await journal.scheduleRetry(app.localId, lastError, retryAt(app.attempts));
    } catch {
      // The row is gone or the journal refuses writes: the pass records lastError and continues.
    }
  }

  async function runPass(at: number): Promise<DrainResult> {
    const result: DrainResult = { delivered: 0, evaluationsDelivered: 0, failed: 0, retryLater: 0, quarantined: 0, needsClerk: 0 };
    const quarantinedBefore = (await journal.counts()).quarantined;
    let cursor = 0;
    let reachable = true;
    rows: for (;;) {
      const batch = await journal.dueForDelivery(at, cursor);
      if (batch.length === 0) break;
      for (const app of batch) {
        cursor = app.seq;
        // Being delivered by a resident's deliverNow: that delivery settles it.
        if (delivering.has(app.localId)) continue;
        const r = await deliverOnce(app);
        if (r === 'delivered') result.delivered++;
        else if (r === 'failed') result.failed++;
        else if (r === 'needs-clerk') result.needsClerk++;
        else if (r === 'retry') result.retryLater++;
        else if (r === 'unreachable') {
          // The rest keep their place in the queue; the pass ends here and the outbox waits for the platform.
          result.retryLater++;
          reachable = false;
          break rows;
        }
      }
    }
    for (const app of reachable ? await journal.dueEvaluations(at) : []) {
      try {
        if (await deliverEvaluation(app)) result.evaluationsDelivered++;
        else if (now() < outageUntil) break;
      } catch (e) {
        await rowFailed(app, e);
      }
    }
    // Counted from the journal: rows found unreadable while listing the due ones are quarantined there.
    const counts = await journal.counts();
    result.quarantined = Math.max(0, counts.quarantined - quarantinedBefore);
    remember(counts);
    if (result.delivered > 0 || now() - lastPurgeAt >= purgeEveryMs) {
      lastPurgeAt = now();
      await journal.purge(retentionMs);
    }
    return result;
  }

  let counted: JournalCounts = { depth: 0, oldestPendingAt: null, byState: {}, pending: 0, delivered: 0, failed: 0, quarantined: 0, needsClerk: 0, evaluationsPending: 0 };
  const remember = (c: JournalCounts) => void (counted = c);
  const statusOf = (c: JournalCounts): OutboxStatus => ({
    running, depth: c.depth, oldestPendingAt: c.oldestPendingAt, byState: c.byState, lastError, lastSuccessAt,
    pending: c.pending, delivered: c.delivered, failed: c.failed, quarantined: c.quarantined, needsClerk: c.needsClerk,
  });

  /** The one delivery of a row in flight (a pass and deliverNow share it); anything its handling throws is a retry. */
  function deliverOnce(app: LocalApplication): Promise<Outcome> {
    const running = delivering.get(app.localId);
    if (running) return running;
    const attempt = deliver(app)
      .catch(async (e: unknown): Promise<Outcome> => {
        await rowFailed(app, e);
        return 'retry';
      })
      .finally(() => delivering.delete(app.localId));
    delivering.set(app.localId, attempt);
    return attempt;
  }

  async function deliverThis(localId: string): Promise<DeliverNowOutcome> {
    const running = delivering.get(localId);
    if (running) return running;
    const app = await journal.get(localId);
    if (app.state !== 'submitted-locally') return 'not-pending';
    return deliverOnce(app);
  }

  function once(at: number): Promise<DrainResult> {
    // One pass at a time: a drain requested during a background pass waits for it, then runs. `pass` is the
    // settled form of this run: the caller gets `next` (and handles it); nothing else can reject unobserved.
    const next = (pass ?? Promise.resolve()).then(() => runPass(at));
    const settled: Promise<void> = next.then(
      () => undefined,
      (e: unknown) => void (lastError = describe(e)),
    );
    pass = settled;
    void settled.then(() => {
      if (pass === settled) pass = undefined;
    });
    return next;
  }

  const background = () =>
    now() < outageUntil ? Promise.resolve() : once(now()).then(() => undefined, (e: unknown) => void (lastError = describe(e)));

  function schedule() {
    if (!running) return;
    timer = setTimeout(() => void background().then(schedule), options.pollMs ?? 1000);
    timer.unref?.();
  }

  return {
    start() {
      if (running) return;
      running = true;
      void background().then(schedule);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await pass;
      await Promise.allSettled([...delivering.values()]);
    },
    drainNow: () => once(Number.POSITIVE_INFINITY),
    deliverNow(localId, budgetMs) {
      const doubtful = unansweredWait || now() < outageUntil;
      const budget = doubtful ? Math.min(budgetMs, doubtfulBudgetMs) : budgetMs;
      const attempt = deliverThis(localId).catch((e: unknown): DeliverNowOutcome => {
        lastError = describe(e);
        return 'retry';
      });
      return Promise.race([attempt, wait(budget).then((): DeliverNowOutcome => 'waiting')]).then((outcome) => {
        if (outcome === 'waiting') unansweredWait = true;
        return outcome;
      });
    },
    async status() {
      const c = await journal.counts();
      remember(c);
      return statusOf(c);
    },
    lastStatus: () => statusOf(counted),
  };
}
