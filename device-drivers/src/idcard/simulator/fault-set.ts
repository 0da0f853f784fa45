// The faults armed on the simulated SAM: which apply to a request, and how many times each has left.
import type { CommandName } from '../protocol/commands';
import type { SimulatorFault } from './faults';
import { faultApplies } from './faults';

export class FaultSet {
  private armed: SimulatorFault[] = [];

  get list(): readonly SimulatorFault[] {
    return this.armed;
  }

  /** Replaces the armed faults (copies, so a caller's `times` is never counted down). */
  set(fault: SimulatorFault | readonly SimulatorFault[] | null): void {
    this.armed = fault === null ? [] : (Array.isArray(fault) ? [...fault] : [fault as SimulatorFault]).map((f) => ({ ...f }));
  }

  /** The faults for this request; each with a `times` counts one use and is dropped when it reaches 0. */
  take(command: CommandName | undefined): SimulatorFault[] {
    const active = this.armed.filter((f) => faultApplies(f, command));
    for (const f of active) if (f.times !== undefined) f.times--;
    this.armed = this.armed.filter((f) => f.times === undefined || f.times > 0);
    return active;
  }
}
