// The fleet's view of a rollout: the latest update report of each terminal, counted per ring and version, and the
// rollout control document the terminals read beside the signed manifest. A rollback on any terminal pauses its
// ring and every ring after it in the release's schedule by itself (a bad version must not walk on to the next
// streets); an operator resumes, pauses or stops a version. The control can only hold terminals back: opening a
// ring is the signed schedule's alone (core/src/services/update/rollout.ts).
import { UpdateReport, type UpdateState, UPDATE_STATES } from '@easydo/core/services/update/report';
import type { RolloutControl } from '@easydo/core/services/update/rollout';

export type Counts = Record<UpdateState, number>;

export interface BoardEvent {
  kind: 'autoPaused' | 'paused' | 'resumed' | 'stopped';
  version: string;
  rings: string[];
  by: string;
  reason?: string;
  at: number;
}

export class RolloutBoard {
  private readonly latest = new Map<string, UpdateReport>();
  /** Per version: the ring it last reported from, per terminal (a rolled-back terminal reports the good version next). */
  private readonly perVersion = new Map<string, Map<string, UpdateReport>>();
  private readonly control: RolloutControl;
  readonly events: BoardEvent[] = [];

  constructor(
    channel: string,
    /** The schedule's ring order per version (from the manifests published). */
    private readonly ringOrder: (version: string) => string[] = () => [],
    private readonly now: () => number = Date.now,
  ) {
    this.control = { channel, versions: {} };
  }

  /** Validates and records one report; returns the rings paused by it (a rollback). */
  ingest(raw: unknown): string[] {
    const r = UpdateReport.parse(raw);
    this.latest.set(r.terminalId, r);
    if (r.version) {
      let m = this.perVersion.get(r.version);
      if (!m) this.perVersion.set(r.version, (m = new Map()));
      // A terminal that rolled a version back stays counted as rolled back for it (it never takes it again).
      if (m.get(r.terminalId)?.state !== 'rolledBack') m.set(r.terminalId, r);
    }
    if (r.state === 'rolledBack' && r.version && r.ring) {
      const order = this.ringOrder(r.version);
      const from = order.indexOf(r.ring);
      const rings = from >= 0 ? order.slice(from) : [r.ring];
      const added = this.pause(r.version, rings);
      if (added.length) this.events.push({ kind: 'autoPaused', version: r.version, rings: added, by: r.terminalId, reason: r.reason, at: this.now() });
      return added;
    }
    return [];
  }

  pauseByOperator(version: string, rings: string[], by: string): void {
    this.pause(version, rings);
    this.events.push({ kind: 'paused', version, rings, by, at: this.now() });
  }

  resume(version: string, rings: string[], by: string): void {
    const v = this.entry(version);
    v.pausedRings = v.pausedRings.filter((r) => !rings.includes(r));
    this.events.push({ kind: 'resumed', version, rings, by, at: this.now() });
  }

  stop(version: string, by: string, reason?: string): void {
    const v = this.entry(version);
    v.stopped = true;
    if (reason) v.reason = reason;
    this.events.push({ kind: 'stopped', version, rings: [], by, reason, at: this.now() });
  }

  controlDocument(): RolloutControl {
    return structuredClone(this.control);
  }

  pausedRings(version: string): string[] {
    return [...(this.control.versions[version]?.pausedRings ?? [])];
  }

  /** Terminals per ring and state for one version (what the console's rollout table shows). */
  countsFor(version: string): Record<string, Counts> {
    const out: Record<string, Counts> = {};
    for (const r of this.perVersion.get(version)?.values() ?? []) {
      const ring = r.ring ?? '(none)';
      out[ring] ??= Object.fromEntries(UPDATE_STATES.map((s) => [s, 0])) as Counts;
      out[ring][r.state] += 1;
    }
    return out;
  }

  /** How many terminals run each version now. */
  runningVersions(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.latest.values()) out[r.running] = (out[r.running] ?? 0) + 1;
    return out;
  }

  latestReports(): UpdateReport[] {
    return [...this.latest.values()];
  }

  private entry(version: string) {
    return (this.control.versions[version] ??= { pausedRings: [], stopped: false });
  }

  private pause(version: string, rings: string[]): string[] {
    const v = this.entry(version);
    const added = rings.filter((r) => !v.pausedRings.includes(r));
    v.pausedRings = [...v.pausedRings, ...added];
    return added;
  }
}
