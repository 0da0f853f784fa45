// The terminal's parts the maintenance (admin) domain uses: nearly all of them, since admin diagnoses and configures
// the whole terminal, but each part as a type from its own folder, never the composition root's context.
import type { Sandbox } from '@easydo/backend-client/sandbox/server';
import type { BackendClient } from '@easydo/backend-client/client';
import type { TerminalConfig, TerminalRole } from '../config/schema';
import type { Profile } from '../config/production-policy';
import type { Logger } from '../logging/logger';
import type { SessionManager } from '../session/session-manager';
import type { DomainDesk } from '../applications/application-desk';
import type { DeviceManager } from '../devices/device-manager';
import type { IdReaderBundle } from '../devices/id-reader';
import type { ReceiptPrinterBundle } from '../devices/receipt-printer';
import type { AdminGate } from './admin-gate';

export interface AdminContext {
  config(): TerminalConfig;
  /** Where the config lives (admin configuration writes it). */
  configFile: string | null;
  /** The profile resolved at start-up: production refuses development parts and, in admin, configs it could not start on. */
  profile: Profile;
  /** Kiosk or counter: which list of config.devices.required applies. */
  role: TerminalRole;
  dataDir: string;
  version: string;
  log: Logger;
  devices: DeviceManager;
  sessions: Pick<SessionManager, 'end' | 'onStart'>;
  backend: { client: BackendClient; sandbox: Sandbox | null; url: string };
  applications: DomainDesk;
  receiptPrinter: ReceiptPrinterBundle;
  idReader: IdReaderBundle;
  admin: AdminGate;
}
