// Channels and events of admin (maintenance) mode: dashboard, diagnostics, configuration, logs, service state.
// Add entries here; channels.ts merges them into the one contract table.
import { z } from 'zod';
import { channel, type ChannelSpec, type EventSpec } from '../define';
import { ALL_MODES } from '../modes';
import { Ack, Empty } from '../schemas/terminal';
import { ServiceState } from '../schemas/device';
import { BackendHealth, Dashboard, HistoryPoint } from '../schemas/admin-dashboard';
import {
  AuditEntryView, BundleResult, ConfigSaveRequest, ConfigSaveResult, ConfigView, DeviceActionRequest, DeviceActionResult, DrainResultView,
  LogQueryRequest, LogQueryResult, ServiceSetRequest, SimBackendRequest, SimBackendState, SimPrinterStateRequest, SimReaderConnectionRequest, TestPrintResult, TestReadRequest,
  TestReadResult, TestScanResult,
} from '../schemas/admin-ops';

const ADMIN = ['admin'] as const;

export const adminChannels = {
  'admin:dashboard': channel({ summary: 'Devices, backend, outbox, machine and heartbeat at a glance', request: Empty, response: Dashboard, modes: ADMIN }),
  'admin:history': channel({
    summary: 'Minute samples of device status, outbox depth and backend latency',
    request: z.object({ hours: z.number().int().min(1).max(24).default(24) }).strict(),
    response: z.array(HistoryPoint),
    modes: ADMIN,
  }),
  'admin:ping': channel({ summary: 'Ping the backend now (a signed heartbeat) and report latency', request: Empty, response: BackendHealth, modes: ADMIN }),
  'admin:testRead': channel({ summary: 'Wait for a card on the reader and show it masked', request: TestReadRequest, response: TestReadResult, modes: ADMIN }),
  'admin:testPrint': channel({ summary: 'Print the sample receipt', request: Empty, response: TestPrintResult, modes: ADMIN }),
  'admin:testScan': channel({ summary: 'Scan one page from the configured scanner', request: Empty, response: TestScanResult, modes: ADMIN }),
  'admin:deviceAction': channel({ summary: 'Reset a device or re-open its port (stop and start its service)', request: DeviceActionRequest, response: DeviceActionResult, modes: ADMIN }),
  'admin:config': channel({ summary: 'The configuration without secrets', request: Empty, response: ConfigView, modes: ADMIN }),
  'admin:configSave': channel({ summary: 'Validate, save and apply configuration changes (previous kept)', request: ConfigSaveRequest, response: ConfigSaveResult, modes: ADMIN }),
  'admin:configRollback': channel({ summary: 'Go back to the configuration the last save replaced', request: Empty, response: ConfigSaveResult, modes: ADMIN }),
  'admin:logs': channel({ summary: 'Recent structured log lines, filtered by level and text', request: LogQueryRequest, response: LogQueryResult, modes: ADMIN }),
  'admin:audit': channel({ summary: 'The audit trail of admin actions', request: Empty, response: z.array(AuditEntryView), modes: ADMIN }),
  'admin:bundle': channel({ summary: 'Export a diagnostics bundle (no secrets, no personal data)', request: Empty, response: BundleResult, modes: ADMIN }),
  'admin:service': channel({ summary: 'Put the terminal in or out of service by hand, with a reason', request: ServiceSetRequest, response: ServiceState, modes: ADMIN }),
  'admin:drain': channel({ summary: 'Deliver everything in the outbox now', request: Empty, response: DrainResultView, modes: ADMIN }),
  'admin:exit': channel({ summary: 'Exit to the desktop (authenticated admin only)', request: Empty, response: Ack, modes: ADMIN, requires: ['admin'] }),
  'sim:printerState': channel({ summary: 'Simulator only: paper near-end / out / cover open on the virtual printer', request: SimPrinterStateRequest, response: Ack, modes: ALL_MODES }),
  'sim:readerConnection': channel({ summary: 'Simulator only: unplug or plug back the simulated reader', request: SimReaderConnectionRequest, response: Ack, modes: ALL_MODES }),
  'sim:backend': channel({ summary: 'Simulator only: take the embedded sandbox backend down or bring it back (read when `down` is left out)', request: SimBackendRequest, response: SimBackendState, modes: ALL_MODES }),
} satisfies Record<string, ChannelSpec>;
export const adminEvents = {} satisfies Record<string, EventSpec>;
