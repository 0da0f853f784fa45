// The health window after an install: the new version counts as healthy only once main started, the renderer
// loaded, the devices opened and one heartbeat was delivered. Then the helper keeps it as the last good version.
// If the window ends first, the agent asks the helper to roll back (the helper's own deadline timer is the
// backstop when the app cannot even ask, and its start counter catches a crash loop).
import type { HelperPort } from './helper-port';
import type { UpdateAgent } from './agent';

export const HEALTH_MARKS = ['mainStarted', 'rendererLoaded', 'devicesOpened', 'heartbeatDelivered'] as const;
export type HealthMark = (typeof HEALTH_MARKS)[number];

export class HealthProbe {
  private readonly marks = new Set<HealthMark>();
  private settled: 'healthy' | 'rolledBack' | 'notPending' | null = null;

  constructor(
    private readonly o: { helper: HelperPort; agent: Pick<UpdateAgent, 'say'>; running: string; windowMs: number; now?: () => number },
    private readonly startedAt = (o.now ?? Date.now)(),
  ) {}

  /** Records one mark; resolves to the outcome once the last one is in (null while still waiting). */
  async mark(m: HealthMark): Promise<'healthy' | 'rolledBack' | 'notPending' | null> {
    this.marks.add(m);
    if (this.settled || this.marks.size < HEALTH_MARKS.length) return this.settled;
    const state = await this.o.helper.state();
    if (state.pending?.version !== this.o.running) return (this.settled = 'notPending');
    const answer = await this.o.helper.healthy(this.o.running);
    if (answer.ok) {
      await this.o.agent.say({ state: 'healthy', version: this.o.running, running: this.o.running }, { force: true });
      return (this.settled = 'healthy');
    }
    return null;
  }

  /** Called on a timer: past the window without all marks, the previous version comes back. */
  async expire(): Promise<'rolledBack' | null> {
    if (this.settled || (this.o.now ?? Date.now)() - this.startedAt < this.o.windowMs) return null;
    const state = await this.o.helper.state();
    if (state.pending?.version !== this.o.running) return null;
    const missing = HEALTH_MARKS.filter((m) => !this.marks.has(m));
    const answer = await this.o.helper.rollback(`neverHealthy:${missing[0] ?? 'unknown'}`.slice(0, 64));
    if (!answer.ok) return null;
    this.settled = 'rolledBack';
    return 'rolledBack';
  }
}
