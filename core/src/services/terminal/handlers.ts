// The handler table: one function per contract channel, each a thin use of the services.
import type { FoundationChannelName } from '@easydo/core/contract/channels';
import type { HandlersFor } from '../ipc/router';
import { Failure } from '../errors/failure';
import type { ModeRegistry } from '../ipc/caller';
import type { DeviceManager } from '../devices/device-manager';
import type { SessionManager } from '../session/session-manager';
import { toMaskedCard } from '../session/card-record';
import type { AdminGate } from '../admin/admin-gate';
import type { TerminalConfig } from '../config/schema';
import type { ReaderSimulatorControl } from '../devices/card-source';
import type { CatalogueView } from '@easydo/core/contract/schemas/catalogue';

export interface HandlerDeps {
  config: () => TerminalConfig;
  version: string;
  modes: ModeRegistry;
  devices: DeviceManager;
  sessions: SessionManager;
  admin: AdminGate;
  catalogue: { get(): Promise<CatalogueView> };
  simulator: ReaderSimulatorControl | null;
}

function requireSimulator(sim: ReaderSimulatorControl | null): ReaderSimulatorControl {
  if (!sim) throw new Failure('forbidden', 'The card reader is not simulated on this terminal', 'not-simulated');
  return sim;
}

export function createHandlers(d: HandlerDeps): HandlersFor<FoundationChannelName> {
  return {
    'terminal:info': (_req, caller) => ({
      terminalId: d.config().terminalId,
      centreName: d.config().centreName,
      mode: caller.mode(),
      entry: d.modes.entryOf(caller.windowId),
      version: d.version,
      defaultLanguage: d.config().defaultLanguage,
      simulated: d.simulator !== null,
      timeZone: d.config().timeZone,
      receiptSms: d.config().receiptSms,
      hardware: d.config().hardwareLayout,
    }),
    'service:state': () => d.devices.serviceState(),
    'devices:list': () => d.devices.list(),
    'catalogue:get': () => d.catalogue.get(),
    'session:current': () => {
      const session = d.sessions.current();
      return { active: session !== null, card: session?.card ? toMaskedCard(session.card) : null };
    },
    'session:end': async (req) => {
      await d.sessions.end(req.reason);
      return { done: true };
    },
    'admin:login': (req, caller) => {
      d.admin.login(caller.windowId, req.pin, req.operatorId);
      return { mode: 'admin' as const };
    },
    'admin:logout': (_req, caller) => {
      d.admin.logout(caller.windowId);
      return { done: true };
    },
    'ui:captureScreen': (req, caller) => {
      d.modes.setCaptureActive(caller.windowId, req.active);
      return { done: true };
    },
    'sim:cards': () => requireSimulator(d.simulator).cards(),
    'sim:placeCard': (req) => {
      const sim = requireSimulator(d.simulator);
      if (!sim.cards().some((c) => c.id === req.cardId)) throw new Failure('validation', `No synthetic card ${req.cardId}`, 'unknown-card');
      sim.place(req.cardId, req.unreadable ? { unreadable: true } : {});
      return { done: true };
    },
    'sim:removeCard': () => {
      requireSimulator(d.simulator).remove();
      return { done: true };
    },
  };
}
