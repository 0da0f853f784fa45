// Soak part "replug": the ID card reader unplugged and plugged back 100 times. The reader is the product's
// serial reader (createIdReader from a serial config, its own timings) on one end of a socat pty pair; the
// simulator serves the other end. Each cycle: socat stops (both paths vanish), the reader must report
// noDevice; after a random pause socat starts again with a card on the simulator. Recovery = from the pty
// being back to the reader online, and to that card read. Every recovery must be ≤ 2 s.
import { createIdReader } from '@easydo/core/services/devices/id-reader';
import { createSimulator, loadFixtureCards, runSimulatorOnSerial, type ReaderEvent } from '@easydo/device-drivers/idcard/index';
import { check, finish, partArgs, percentile, sized, sleep } from './report';
import { createPtyPair } from '../../device-drivers/test/idcard/pty-pair';

const args = partArgs();
const CYCLES = sized(args, 100, 10);
const LIMIT_MS = 2000;

async function until(cond: () => boolean, ms: number): Promise<boolean> {
  const end = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > end) return false;
    await sleep(2);
  }
  return true;
}

async function main() {
  const t0 = Date.now();
  const pty = await createPtyPair(); // the driver tests' own socat pair
  const cards = await loadFixtureCards();
  // The simulator stands in for the reader's own electronics: it is there the moment the port is.
  const served = await runSimulatorOnSerial({ path: pty.b, simulator: createSimulator({ cards, seed: 5 }), reconnectIntervalMs: 20 });
  const { reader } = await createIdReader(
    { transport: 'serial', port: pty.a, baud: 115200, pollIntervalMs: 400 } as never,
    { development: async () => { throw new Error('no simulator transport in this soak'); } } as never,
  );
  let reads = 0;
  reader.onEvent((e: ReaderEvent) => void (e.type === 'card-read' && reads++));
  const online: number[] = [];
  const readBack: number[] = [];
  let notDetected = 0;
  let stuck = 0;
  try {
    await reader.start();
    if (!(await until(() => reader.snapshot().status === 'online', 10_000))) throw new Error('the reader never came online');
    for (let i = 0; i < CYCLES; i++) {
      served.simulator.removeCard();
      await pty.stop(); // unplugged: both paths vanish
      if (!(await until(() => reader.snapshot().status === 'noDevice', 10_000))) notDetected++;
      await sleep(100 + Math.random() * 400);
      const card = cards[i % cards.length]!;
      served.simulator.placeCard(card.id);
      const before = reads;
      await pty.start(); // plugged back in
      const back = performance.now();
      // Bounded waits well past the promise, so a slow recovery is measured rather than cut off.
      const cameOnline = await until(() => reader.snapshot().status === 'online' || reader.snapshot().status === 'busy', 15_000);
      online.push(performance.now() - back);
      const cardRead = await until(() => reads > before, 15_000);
      readBack.push(performance.now() - back);
      if (!cameOnline || !cardRead) stuck++;
    }
  } finally {
    await reader.stop().catch(() => undefined);
    await served.close().catch(() => undefined);
    await pty.dispose();
  }
  const over = readBack.filter((ms) => ms > LIMIT_MS).length + online.filter((ms) => ms > LIMIT_MS).length;
  finish('replug', {
    replugs: online.length, onlineMaxMs: Math.max(...online), onlineP95Ms: percentile(online, 95),
    readMaxMs: Math.max(...readBack), readP95Ms: percentile(readBack, 95), readMedianMs: percentile(readBack, 50),
    overLimit: over, notDetected, stuck, reconnects: reader.snapshot().counters['reconnects'] ?? 0, elapsedS: (Date.now() - t0) / 1000,
  }, [
    check(online.length === CYCLES, `only ${online.length} of ${CYCLES} replugs ran`),
    check(notDetected === 0, `${notDetected} unplug(s) not reported as noDevice`),
    check(stuck === 0, `${stuck} replug(s) never recovered`),
    check(over === 0, `${over} recovery time(s) over ${LIMIT_MS} ms (worst online ${Math.round(Math.max(...online))} ms, worst read ${Math.round(Math.max(...readBack))} ms)`),
  ]);
}

await main();
