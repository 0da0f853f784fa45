// A configuration a production terminal could run on (real devices, https platform, its own PIN). Synthetic.
import type { TerminalConfigInput } from '@easydo/core/services/config/schema';
import { hashPin } from '@easydo/core/services/config/pin';

export const PRODUCTION_PIN = '97531864';
const PIN_HASH = hashPin(PRODUCTION_PIN);

export function productionConfigInput(): TerminalConfigInput & Record<string, unknown> {
  return {
    terminalId: 'SZ-FT-0001',
    centreName: '福田区莲花街道党群服务中心',
    terminalSecret: 'a-synthetic-terminal-secret-0001',
    backend: { kind: 'remote', url: 'https://acceptance.example.invalid/api' },
    progressHost: 'progress.example.invalid',
    devices: {
      idReader: { transport: 'serial', port: '/dev/easydo-idreader', baud: 115200 },
      receiptPrinter: { address: 'tcp://192.168.10.20:9100', profile: '80mm' },
      a4Printer: { queue: 'Counter-A4' },
      scanner: { source: 'sane', device: 'fujitsu:fi-7160:1234', adf: true, resolution: 300 },
      required: ['idReader', 'receiptPrinter'],
    },
    journalKey: { source: 'os-keystore' },
    adminPinHash: PIN_HASH,
  };
}
