// Holds one device's snapshot and notifies listeners on every change.
import { Listeners } from './listeners';
import type { DeviceKind, DeviceSnapshot, DeviceStatus, Unsubscribe } from './model';

export class SnapshotStore {
  private current: DeviceSnapshot;
  private readonly listeners = new Listeners<DeviceSnapshot>();

  constructor(id: string, kind: DeviceKind, capabilities: DeviceSnapshot['capabilities'] = {}) {
    this.current = { id, kind, status: 'starting', capabilities, counters: {}, detail: {}, lastError: null, alerts: [] };
  }

  get(): DeviceSnapshot {
    return structuredClone(this.current);
  }

  onChange(listener: (snapshot: DeviceSnapshot) => void): Unsubscribe {
    return this.listeners.add(listener);
  }

  update(patch: Partial<Omit<DeviceSnapshot, 'id' | 'kind'>>): void {
    this.current = { ...this.current, ...patch };
    this.listeners.emit(this.get());
  }

  setStatus(status: DeviceStatus): void {
    if (this.current.status !== status) this.update({ status });
  }

  fail(status: DeviceStatus, code: string, message: string): void {
    this.update({ status, lastError: { code, message, at: new Date().toISOString() } });
  }

  count(counter: string, by = 1): void {
    this.update({ counters: { ...this.current.counters, [counter]: (this.current.counters[counter] ?? 0) + by } });
  }

  setAlerts(alerts: DeviceSnapshot['alerts']): void {
    this.update({ alerts });
  }
}
