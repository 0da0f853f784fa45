// One example of every fleet message (synthetic terminal, synthetic district): printed into the AsyncAPI document
// and validated by the zod schemas in the suite, so the document cannot show a payload the code would refuse.
import type { Alert, Command, CommandAck, Heartbeat, TerminalState, Upload } from './messages';

const at = '2026-06-01T08:30:00.000Z';

export const EXAMPLES = {
  TerminalState: {
    terminalId: 'SZ-FT-0001',
    online: true,
    service: 'inService',
    serviceReason: null,
    version: '0.1.0',
    configVersion: '3f2a9c0d51b7e844',
    mode: 'kiosk',
    location: { district: '福田区', street: '华富街道', centre: '华富街道党群服务中心' },
    at,
  } satisfies TerminalState,
  Heartbeat: {
    terminalId: 'SZ-FT-0001',
    at,
    seq: 42,
    intervalSeconds: 60,
    service: 'inService',
    devices: [
      { id: 'idReader', kind: 'idReader', status: 'online', required: true, fault: null, alerts: [], counters: { reads: 118 } },
      { id: 'receiptPrinter', kind: 'receiptPrinter', status: 'online', required: true, fault: null, alerts: ['paperNearEnd'], counters: { printed: 97 } },
    ],
    counters: { sessionsStarted: 120, sessionOpen: false, receiptsPrinted: 97, paper: 'low', commandsExecuted: 3, alertsRaised: 2 },
    outbox: { depth: 0, oldestPendingAt: null },
    host: {
      cpuLoad1m: 0.21,
      cpuCount: 4,
      memoryTotalBytes: 8_000_000_000,
      memoryFreeBytes: 5_100_000_000,
      rssBytes: 310_000_000,
      diskTotalBytes: 120_000_000_000,
      diskFreeBytes: 88_000_000_000,
      hostUptimeSeconds: 86_400,
      appUptimeSeconds: 36_000,
    },
  } satisfies Heartbeat,
  Alert: { id: 'SZ-FT-0001:receiptPrinter:paperNearEnd:7', terminalId: 'SZ-FT-0001', at, severity: 'warning', code: 'paperNearEnd', device: 'receiptPrinter' } satisfies Alert,
  Command: {
    id: '5b1f3c9e-2f5e-4c1e-9a53-0d7f7b0e6a11',
    name: 'configPush',
    args: { values: { session: { idleWarningSeconds: 90, idleCountdownSeconds: 30 } }, ifConfigVersion: '3f2a9c0d51b7e844' },
    issuedAt: at,
    expiresAt: '2026-06-01T09:30:00.000Z',
    issuedBy: 'futian-maint-01',
  } satisfies Command,
  CommandAck: {
    commandId: '5b1f3c9e-2f5e-4c1e-9a53-0d7f7b0e6a11',
    terminalId: 'SZ-FT-0001',
    status: 'done',
    result: { configVersion: '9d04e1aa7c3b2f60', applied: ['session'], restartNeeded: [] },
    at: '2026-06-01T08:30:01.000Z',
  } satisfies CommandAck,
  Upload: {
    commandId: '0c6b8e52-1d7a-4f3e-8b21-6a9e2d4c5f70',
    terminalId: 'SZ-FT-0001',
    fileName: 'screenshot-SZ-FT-0001.png',
    contentType: 'image/png',
    bytes: 67,
    base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    at,
  } satisfies Upload,
} as const;
