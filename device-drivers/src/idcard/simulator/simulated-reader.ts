// Reader and simulator joined by the in-process link: no OS device, same bytes. This is what `npm start`
// uses by default, and what tests use when the OS path is not the point.
import { loadFixtureCards } from './cardholders';
import type { MemoryLink } from '../transport/memory-link';
import { createMemoryLink } from '../transport/memory-link';
import type { IdCardReaderService, ReaderServiceOptions } from '../reader/service';
import { createReaderService } from '../reader/service';
import type { Simulator, SimulatorOptions } from './simulator';
import { createSimulator } from './simulator';

export interface InProcessLink {
  link: MemoryLink;
  simulator: Simulator;
  /** Detach the simulator from the link. */
  detach(): void;
}

/** Connect a simulator to a fresh in-process link; give `link.host` to the reader as its transport. */
export function createInProcessLink(simulator: Simulator = createSimulator()): InProcessLink {
  const link = createMemoryLink('simulator');
  const detach = simulator.attach(link.device);
  return { link, simulator, detach };
}

export interface SimulatedReaderOptions {
  /** Simulator options; cards default to the fixture cardholders. */
  simulator?: SimulatorOptions;
  reader?: Omit<ReaderServiceOptions, 'transport'>;
}

export interface SimulatedReader {
  reader: IdCardReaderService;
  simulator: Simulator;
  link: MemoryLink;
}

/** A reader service talking to a simulator over the in-process link (not started). */
export async function createSimulatedReader(options: SimulatedReaderOptions = {}): Promise<SimulatedReader> {
  const cards = options.simulator?.cards ?? (await loadFixtureCards());
  const simulator = createSimulator({ ...options.simulator, cards });
  const { link } = createInProcessLink(simulator);
  const reader = createReaderService({ ...options.reader, transport: link.host });
  return { reader, simulator, link };
}
