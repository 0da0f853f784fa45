// Holds every device service, knows which are required for this terminal, and derives the service state:
// a failed required device takes the terminal out of service by itself; an optional one only hides its feature.
// The receipt printer is the one exception for a visit under way (canSubmit; the receipt goes on screen).
import type { DeviceService, DeviceSnapshot as DriverSnapshot } from '@easydo/device-drivers/device/model';
import type { DeviceSnapshot, ServiceState } from '@easydo/core/contract/schemas/device';

export interface ManagedDevice {
  service: DeviceService;
  required: boolean;
}

type Listener = (snapshot: DeviceSnapshot) => void;

const WORKING = new Set(['online', 'busy']);

export class DeviceManager {
  private readonly devices = new Map<string, ManagedDevice>();
  private readonly listeners = new Set<Listener>();
  private readonly stateListeners = new Set<(state: ServiceState) => void>();
  private manual: ServiceState['manual'] = null;
  private lastState = '';

  add(service: DeviceService, required: boolean): void {
    this.devices.set(service.id, { service, required });
    service.onChange((s) => this.changed(s));
  }

  get(id: string): ManagedDevice | undefined {
    return this.devices.get(id);
  }

  list(): DeviceSnapshot[] {
    return [...this.devices.values()].map(({ service, required }) => ({ ...service.snapshot(), required }));
  }

  onDeviceChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onServiceChange(listener: (state: ServiceState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  setManualOutOfService(reason: string | null): void {
    this.manual = reason === null ? null : { outOfService: true, reason };
    this.publishState();
  }

  serviceState(): ServiceState {
    const snapshots = this.list();
    const reasons: ServiceState['reasons'] = [];
    const works = (kind: string) => snapshots.some((s) => s.kind === kind && WORKING.has(s.status));
    for (const s of snapshots) {
      if (s.required && !WORKING.has(s.status)) {
        const fault = s.lastError ? { fault: s.lastError.code } : {};
        reasons.push({ code: `${s.kind}.${s.status}`, deviceId: s.id, kind: s.kind, status: s.status, ...fault, message: s.lastError?.message ?? s.status });
      }
    }
    const requiredOk = reasons.length === 0;
    const inService = requiredOk && this.manual === null;
    // A resident already under way still submits when only the receipt printer stopped: the receipt is shown
    // on screen and printed again later. New visits need every required device (inService).
    const canSubmit = this.manual === null && reasons.every((r) => r.kind === 'receiptPrinter');
    const paperLow = snapshots.some((s) => s.kind === 'receiptPrinter' && s.alerts.some((a) => a.code === 'paperNearEnd'));
    return {
      inService,
      canSubmit,
      paperLow,
      canReadCard: works('idReader') && this.manual === null,
      canPrint: works('receiptPrinter'),
      reasons,
      manual: this.manual,
    };
  }

  async startAll(): Promise<void> {
    await Promise.all([...this.devices.values()].map((d) => d.service.start()));
    this.publishState();
  }

  async stopAll(): Promise<void> {
    await Promise.allSettled([...this.devices.values()].map((d) => d.service.stop()));
  }

  private changed(snapshot: DriverSnapshot): void {
    const required = this.devices.get(snapshot.id)?.required ?? false;
    for (const l of [...this.listeners]) l({ ...snapshot, required });
    this.publishState();
  }

  private publishState(): void {
    const state = this.serviceState();
    const key = JSON.stringify(state);
    if (key === this.lastState) return;
    this.lastState = key;
    for (const l of [...this.stateListeners]) l(state);
  }
}
