// The composition root shared by the Electron shell and the browser shell: config in, a running terminal out
// (devices, backend, sessions, events, and the handlers of every domain core owns). The kiosk app adds the
// counter's handlers and builds the router (core may not import counter). Nothing here knows about windows.
import type { RemoteHelpCounterChannelName, RemoteHelpKioskChannelName } from '@easydo/core/contract/domains/remote-help';
import path from 'node:path';
import type { ChannelName, CounterChannelName } from '@easydo/core/contract/channels';
import type { DeviceKind, TerminalConfig, TerminalRole } from '../config/schema';
import type { Profile } from '../config/production-policy';
import type { HandlersFor } from '../ipc/router';
import type { RouterGuards } from '../ipc/preconditions';
import { ModeRegistry } from '../ipc/caller';
import { EventHub } from '../ipc/event-hub';
import { DeviceManager } from '../devices/device-manager';
import { createIdReader } from '../devices/id-reader';
import { createReceiptPrinter } from '../devices/receipt-printer';
import { createScanner } from '../devices/scanner';
import { sweepStaleMaterials } from '../materials/sealed-files';
import { ReceiptDesk } from '../receipts/receipt-desk';
import { SessionManager } from '../session/session-manager';
import { toMaskedCard } from '../session/card-record';
import { AdminGate, type AuditSink } from '../admin/admin-gate';
import { CatalogueService } from '../catalogue/catalogue-service';
import { createApplicationDesk, type RunningDesk } from '../applications/application-desk';
import type { Logger } from '../logging/logger';
import type { HidReportDevice, NodeHidSelector } from '@easydo/device-drivers/idcard/transport/hid';
import { withAdminActivity } from '../admin/admin-activity';
import { createTerminalLogger } from '../logging/terminal-logger';
import { addSensitiveTerms } from '../logging/session-terms';
import { wireJourney } from '../journey/wire';
import { createQrScannerBundle, type QrScannerBundle } from '../devices/qr-scanner';
import { wireIdentity } from '../identity/wire';
import { withItemIdentity } from '../identity/item-gate';
import { wireAdmin } from '../admin/wire';
import { connectBackend } from './backend';
import { createHandlers } from './handlers';
import { coreGuards } from './guards';
import type { TerminalContext } from './context';
import type { KeyProvider } from './key-provider';
import { developmentPartsLoader } from './development-parts';
import { adminOpsFromHandlers, joinFleet, type FleetMembership } from './join-fleet';
import { joinUpdates, type UpdateMembership } from './join-updates';

export interface TerminalOptions {
  config: TerminalConfig;
  configFile?: string;
  dataDir: string;
  version: string;
  logger?: Logger;
  /** Protects the journal's personal data. Default: a 0600 key file in the data folder (simulators). */
  keyProvider?: KeyProvider;
  /**
   * The shells pass the profile resolved at start-up (kiosk/src/app/startup.ts). Production never loads the
   * development composition (simulators, virtual printer, sandbox). Default development: tests and the E2E harness.
   */
  profile?: Profile;
  /** Opens a HID card reader (default node-hid); tests give a fake device. */
  openHidDevice?: (selector: NodeHidSelector) => () => Promise<HidReportDevice>;
  /** What this terminal is deployed as; picks config.devices.required[role]. Default kiosk. */
  role?: TerminalRole;
}

/** Remote help is wired beside the terminal (core/src/services/remote-help/wire.ts, counter's remote-help). */
export type CoreHandlers = HandlersFor<Exclude<ChannelName, CounterChannelName | RemoteHelpKioskChannelName | RemoteHelpCounterChannelName>>;

export interface Terminal extends TerminalContext {
  /** The whole desk, journal and outbox included: the composition root closes them; tests read them. */
  applications: RunningDesk;
  handlers: CoreHandlers;
  /** The fleet agent when config.fleet is set (core/src/services/fleet/join-fleet.ts), else null. */
  fleet: FleetMembership | null;
  /** The update agent when config.update is set (core/src/services/update/join-updates.ts), else null. */
  updates: UpdateMembership | null;
  /** The 2D scanner when configured (the shell feeds a keyboard wedge's keys to `wedge`; tests drive `simulator`). */
  qrScanner: QrScannerBundle | null;
  /** The precondition guards of core's domains (card, admin, resident activity); the counter adds its clerk. */
  guards: RouterGuards;
  close(): Promise<void>;
}

export async function createTerminal(options: TerminalOptions): Promise<Terminal> {
  const { config, dataDir } = options;
  const profile = options.profile ?? 'development';
  const role = options.role ?? 'kiosk';
  const development = developmentPartsLoader(profile);
  const log = options.logger ?? createTerminalLogger(dataDir);
  const hub = new EventHub();
  const modes = new ModeRegistry();
  const devices = new DeviceManager();
  const sessions = new SessionManager();
  const audit: AuditSink = { record: (action, detail) => log.info({ audit: action, ...detail }, 'audit') };
  const admin = new AdminGate(() => config.adminPinHash, modes, audit, {
    sessions,
    service: devices,
    auditDataDir: dataDir,
    idleMs: () => config.admin.idleTimeoutSeconds * 1000,
    operators: () => config.admin.operators ?? [],
  });

  const backend = await connectBackend(config, dataDir, development);
  const catalogue = new CatalogueService(backend.client, path.join(dataDir, 'catalogue-cache.json'));
  const applications = await createApplicationDesk({ config, dataDir, client: backend.client, catalogue, log, ...(options.keyProvider ? { keyProvider: options.keyProvider } : {}) });

  const required = (kind: DeviceKind) => config.devices.required[role].includes(kind);
  const idReader = await createIdReader(config.devices.idReader, { development, ...(options.openHidDevice ? { openHidDevice: options.openHidDevice } : {}) });
  devices.add(idReader.reader, required('idReader'));
  const receiptPrinter = await createReceiptPrinter(config.devices.receiptPrinter, dataDir, development);
  devices.add(receiptPrinter.printer, required('receiptPrinter'));
  const scanner = createScanner(config.devices.scanner);
  if (scanner) devices.add(scanner.service, required('scanner'));
  const qrScanner = await createQrScannerBundle(config.devices.qrScanner, { development, ...(options.openHidDevice ? { openHidDevice: options.openHidDevice } : {}) });
  if (qrScanner) devices.add(qrScanner.scanner, false); // optional: without it only 亮码办事 is not offered
  const receipts = new ReceiptDesk({ config: () => config, journal: applications.records, catalogue, printer: receiptPrinter });

  devices.onDeviceChange((s) => hub.emit('device:changed', s));
  devices.onServiceChange((s) => hub.emit('service:changed', s));
  modes.onChange((windowId, mode) => log.info({ windowId, mode }, 'mode changed'));

  // A card on the reader starts, resumes (same card back) or asks first (another card: session-manager.ts);
  // main keeps the record, the screen gets a mask.
  idReader.cards.onCardRead((card) => {
    void sessions.cardPlaced(card, { askFirst: role === 'kiosk' }).then((placed) => {
      if (placed.outcome === 'other') hub.emit('card:other', {});
      else if (placed.session.card) hub.emit('card:read', toMaskedCard(placed.session.card));
    });
  });
  idReader.cards.onCardRemoved(() => {
    sessions.cardLeft();
    hub.emit('card:removed', {});
  });
  idReader.cards.onCardUnreadable(() => hub.emit('card:unreadable', {}));
  // While a session is open its own personal values are scrubbed from any log text; forgotten at wipe.
  sessions.onStart((session) => {
    const c = session.card;
    if (!c) return;
    session.onWipe(addSensitiveTerms([c.name, c.chineseName, c.englishName, c.address, c.idNumber, c.permitNumber, c.cardNumber]));
  });
  sessions.onEnd((session, reason) => {
    scanner?.discard(); // pages a network scanner left in the hot folder belong to the session that ended
    // Nothing of a finished session may be printed for the next person.
    void receiptPrinter.printer.cancelSession(session.id).catch((err: unknown) => log.warn({ err }, 'print queue purge failed'));
    hub.emit('session:ended', { reason });
  });

  const context: TerminalContext = {
    config: () => config,
    configFile: options.configFile ?? null,
    profile,
    role,
    dataDir,
    version: options.version,
    log,
    hub,
    modes,
    devices,
    sessions,
    backend,
    catalogue,
    applications,
    receiptPrinter,
    idReader,
    scanner,
    receipts,
    admin,
  };

  const journey = await wireJourney(context);
  const adminDomain = await wireAdmin(context);
  const identity = wireIdentity(context, qrScanner);
  const handlers: CoreHandlers = withAdminActivity(admin, {
    ...createHandlers({
      config: context.config,
      version: options.version,
      modes,
      devices,
      sessions,
      admin,
      catalogue,
      simulator: idReader.simulator,
    }),
    ...withItemIdentity(identity.desk, journey.handlers),
    ...adminDomain.handlers,
    ...identity.handlers,
  });

  await sweepStaleMaterials(); // page images a crashed or killed run left behind
  await devices.startAll();
  const fleet = joinFleet(context, adminOpsFromHandlers(adminDomain.handlers));
  const updates = joinUpdates(context, {
    // Under systemd (or the Windows service) an exit is a restart; the Electron shell attaches its relaunch.
    restartApp: async () => {
      log.warn({}, 'update: restarting by exit');
      process.exit(0);
    },
  });
  let offHeartbeat = () => undefined as unknown;
  if (updates && fleet) {
    fleet.attachUpdate({ check: () => updates.agent.check() });
    offHeartbeat = fleet.agent.onHeartbeatDelivered(() => updates.mark('heartbeatDelivered'));
  } else if (updates) {
    updates.mark('heartbeatDelivered'); // no fleet configured: there is no heartbeat to wait for
  }
  log.info({ terminalId: config.terminalId, backend: backend.url }, 'terminal started');

  return {
    ...context,
    applications,
    handlers,
    fleet,
    updates,
    qrScanner,
    guards: { ...coreGuards({ sessions, admin }), ...journey.guards },
    async close() {
      offHeartbeat();
      updates?.close();
      await fleet?.close();
      admin.close();
      await sessions.end('shutdown').catch(() => undefined);
      identity.close();
      await journey.close();
      await adminDomain.close();
      await devices.stopAll();
      await applications.close();
      await receiptPrinter.close();
      await backend.close();
    },
  };
}
