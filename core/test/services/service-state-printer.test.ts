// Service state and the receipt printer: a required printer out of paper closes the terminal to new visits
// (inService) but lets a visit under way submit (canSubmit: the receipt goes on screen); a near-end roll is
// said before anyone starts (paperLow); any other required device still stops submission.
import { describe, expect, it } from 'vitest';
import type { DeviceKind, DeviceService } from '@easydo/device-drivers/device/model';
import { SnapshotStore } from '@easydo/device-drivers/device/snapshot-store';
import { DeviceManager } from '../../src/services/devices/device-manager';

function device(id: string, kind: DeviceKind) {
  const store = new SnapshotStore(id, kind);
  store.setStatus('online');
  const service: DeviceService = { id, kind, snapshot: () => store.get(), onChange: (l) => store.onChange(l), start: async () => undefined, stop: async () => undefined };
  return { store, service };
}

function terminal() {
  const devices = new DeviceManager();
  const reader = device('idReader', 'idReader');
  const printer = device('receiptPrinter', 'receiptPrinter');
  devices.add(reader.service, true);
  devices.add(printer.service, true);
  return { devices, reader, printer };
}

describe('service state with the receipt printer', () => {
  it('paper out: out of service for new visits, a visit under way can still submit', () => {
    const { devices, printer } = terminal();
    printer.store.fail('userError', 'paperOut', 'The printer is out of paper');
    const s = devices.serviceState();
    expect(s).toMatchObject({ inService: false, canSubmit: true, canPrint: false });
    expect(s.reasons.map((r) => r.fault)).toEqual(['paperOut']);
  });

  it('a required reader down (or manual out of service) stops submission too', () => {
    const { devices, reader } = terminal();
    reader.store.fail('offline', 'unreachable', 'gone');
    expect(devices.serviceState()).toMatchObject({ inService: false, canSubmit: false });
    reader.store.setStatus('online');
    devices.setManualOutOfService('维护');
    expect(devices.serviceState()).toMatchObject({ inService: false, canSubmit: false });
  });

  it('a near-end roll is reported while it still prints', () => {
    const { devices, printer } = terminal();
    expect(devices.serviceState().paperLow).toBe(false);
    printer.store.update({ alerts: [{ code: 'paperNearEnd', message: 'low', at: new Date().toISOString() }] });
    expect(devices.serviceState()).toMatchObject({ inService: true, canSubmit: true, canPrint: true, paperLow: true });
  });
});
