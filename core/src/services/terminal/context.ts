// Everything the composition root hands the domains, built once (domains never construct devices or clients
// themselves). Each domain declares the few parts it uses as its own context; this one extends them all, so a part
// a domain needs and the root lacks is a compile error here, not at a call site.
import type { EventHub } from '../ipc/event-hub';
import type { ModeRegistry } from '../ipc/caller';
import type { SessionManager } from '../session/session-manager';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { DeviceManager } from '../devices/device-manager';
import type { IdReaderBundle } from '../devices/id-reader';
import type { ScannerBundle } from '../devices/scanner';
import type { ReceiptDesk } from '../receipts/receipt-desk';
import type { DomainDesk } from '../applications/application-desk';
import type { AdminContext } from '../admin/admin-context';
import type { JourneyContext } from '../journey/wire';
import type { IdentityContext } from '../identity/wire';
import type { ResidentHelpContext } from '../remote-help/wire';
import type { BackendBundle } from './backend';

export interface TerminalContext extends AdminContext, JourneyContext, IdentityContext, ResidentHelpContext {
  config: AdminContext['config'];
  hub: EventHub;
  modes: ModeRegistry;
  devices: DeviceManager;
  sessions: SessionManager;
  backend: BackendBundle;
  catalogue: CatalogueService;
  /** Applications as domains may use them (records, delivery status): not the journal or outbox themselves. */
  applications: DomainDesk;
  idReader: IdReaderBundle;
  /** The configured scanner (SANE or hot folder), or null when the terminal has none. */
  scanner: ScannerBundle | null;
  /** Builds and prints 受理回执 (thermal) for journaled applications; used by kiosk and counter. */
  receipts: ReceiptDesk;
}
