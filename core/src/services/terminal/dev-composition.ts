// The development composition: the only module that imports the simulated card reader, the virtual ESC/POS
// printer and the embedded sandbox. Never import it statically: reach it through development-parts.ts, which
// loads it by dynamic import in the development profile only (and the Electron build turns that import into a
// separate file, out/dev-composition.cjs).
import { startSandbox } from '@easydo/backend-client/sandbox/server';
import { startVirtualPrinter } from '@easydo/device-drivers/printer/virtual/server';
import { createSimulatedReader } from '@easydo/device-drivers/idcard/simulator/simulated-reader';
import { loadCardholderFile } from '@easydo/device-drivers/idcard/simulator/cardholders';
import type { Simulator } from '@easydo/device-drivers/idcard/simulator/simulator';
import { SW3 } from '@easydo/device-drivers/idcard/protocol/sam-status';
import { READ_COMMANDS } from '@easydo/device-drivers/idcard/simulator/faults';
import { cardSourceOf } from '../devices/id-reader';
import type { ReaderSimulatorControl } from '../devices/card-source';
import type { DevelopmentParts } from '../devices/development-parts';
import { simulatedQrScanner } from '../devices/simulated-qr-scanner';

function simulatorControl(simulator: Simulator): ReaderSimulatorControl {
  const label = (id: string) => {
    const fields = simulator.cards.find((c) => c.id === id)?.fields as { cardType?: string } | undefined;
    return { id, label: id, cardType: fields?.cardType ?? 'resident' };
  };
  // An unreadable card fails every read with SW3 41 until it leaves the reader (only the fault armed here is cleared).
  let unreadable = false;
  return {
    cards: () => simulator.cards.map((c) => label(c.id)),
    place: (cardId, options) => {
      if (options?.unreadable) {
        simulator.setFault({ kind: 'status', sw3: SW3.readFailed, commands: [...READ_COMMANDS] });
        unreadable = true;
      }
      void simulator.placeCard(cardId);
    },
    remove: () => {
      simulator.removeCard();
      if (unreadable) simulator.setFault(null);
      unreadable = false;
    },
  };
}

export const developmentParts: DevelopmentParts = {
  async simulatedReader(config) {
    const cards = config.cards ? await loadCardholderFile(config.cards) : undefined;
    // The whole reader (service, link, simulator) comes from this module, so in the Electron dev bundle its error
    // classes are the ones its own reader service checks with instanceof.
    const { reader, simulator, link } = await createSimulatedReader({
      simulator: cards ? { cards } : {},
      reader: { id: 'idReader', pollIntervalMs: config.pollIntervalMs },
    });
    return { reader, cards: cardSourceOf(reader), simulator: simulatorControl(simulator), link };
  },
  virtualPrinter: (options) => startVirtualPrinter(options),
  sandbox: (options) => startSandbox(options),
  simulatedQrScanner,
};
