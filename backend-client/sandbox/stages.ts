// How a sandbox application moves through the government stages. Pure: the history is derived
// from the submission time, the clock speed and a fixed outcome, so a query at any moment shows
// exactly the stages reached by then (and a restarted sandbox tells the same story).
import type { Stage, StageEvent } from '../src/types';

export type Outcome = 'normal' | 'rejected' | 'supplement';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

interface Step {
  stage: Stage;
  /** Offset from submission in simulated time. */
  after: number;
  extra?: Omit<StageEvent, 'stage' | 'at'>;
}

const PLANS: Record<Outcome, Step[]> = {
  normal: [
    { stage: '预受理', after: 0 },
    { stage: '受理', after: 30 * MIN },
    { stage: '办理中', after: 2 * HOUR },
    { stage: '办结', after: 2 * DAY, extra: { result: '准予办理，结果可在窗口领取' } },
    { stage: '已领取', after: 3 * DAY },
  ],
  rejected: [
    { stage: '预受理', after: 0 },
    { stage: '不予受理', after: 30 * MIN, extra: { reason: '申请事项不属于本机关职权范围（沙箱示例）' } },
  ],
  supplement: [
    { stage: '预受理', after: 0 },
    { stage: '受理', after: 30 * MIN },
    { stage: '补齐补正', after: 2 * HOUR, extra: { supplementList: ['房屋租赁合同（原件）', '近期免冠照片'] } },
    { stage: '办理中', after: DAY },
    { stage: '办结', after: 3 * DAY, extra: { result: '准予办理' } },
    { stage: '已领取', after: 4 * DAY },
  ],
};

/** Deterministic outcome: a sandbox-only form hint wins; otherwise ~8% rejected, ~12% supplement. */
export function pickOutcome(hint: unknown, seed: string): Outcome {
  if (hint === 'normal' || hint === 'rejected' || hint === 'supplement') return hint;
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const r = h % 100;
  return r < 8 ? 'rejected' : r < 20 ? 'supplement' : 'normal';
}

export function stageHistory(outcome: Outcome, submittedAtMs: number, nowMs: number, clockSpeed: number): StageEvent[] {
  const elapsedSim = Math.max(0, nowMs - submittedAtMs) * clockSpeed;
  return PLANS[outcome]
    .filter((s) => s.after <= elapsedSim)
    .map((s) => ({ stage: s.stage, at: new Date(submittedAtMs + s.after / clockSpeed).toISOString(), ...s.extra }));
}

/** Legal due date: the item's time limit counted in working days (Mon–Fri). */
export function dueDate(submittedAtMs: number, workingDays: number): string {
  const d = new Date(submittedAtMs);
  let left = workingDays;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}
