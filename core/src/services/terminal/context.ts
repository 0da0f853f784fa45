// Everything a domain (journey, counter, admin) may use to build its handlers. Passed by the composition
// root; domains never construct devices or clients themselves.
import type { TerminalConfig, TerminalRole } from '../config/schema';
import type { Profile } from '../config/production-policy';
import type { EventHub } from '../ipc/event-hub';
import type { ModeRegistry } from '../ipc/caller';
import type { DeviceManager } from '../devices/device-manager';
import type { SessionManager } from '../session/session-manager';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { DomainDesk } from '../applications/application-desk';
import type { ReceiptPrinterBundle } from '../devices/receipt-printer';
import type { IdReaderBundle } from '../devices/id-reader';
import type { AdminGate } from '../admin/admin-gate';
import type { Logger } from '../logging/logger';
import type { BackendBundle } from './backend';
import type { ScannerBundle } from '../devices/scanner';
import type { ReceiptDesk } from '../receipts/receipt-desk';

export interface TerminalContext {
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
  hub: EventHub;
  modes: ModeRegistry;
  devices: DeviceManager;
  sessions: SessionManager;
  backend: BackendBundle;
  catalogue: CatalogueService;
  /** Applications as domains may use them (records, delivery status): not the journal or outbox themselves. */
  applications: DomainDesk;
  receiptPrinter: ReceiptPrinterBundle;
  idReader: IdReaderBundle;
  /** The configured scanner (SANE or hot folder), or null when the terminal has none. */
  scanner: ScannerBundle | null;
  /** Builds and prints 受理回执 (thermal) for journaled applications; used by kiosk and counter. */
  receipts: ReceiptDesk;
  admin: AdminGate;
}
