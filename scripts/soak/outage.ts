// Soak part "outage": the backend goes away for 10 minutes (real time: the outbox's timers are not
// injectable through the composition root, so nothing is simulated) while residents keep applying through
// the whole terminal. The first half the network hangs (a black hole on the platform's port accepts connections
// and never answers, as a dead link or a stuck proxy does); the second half the platform refuses (nothing
// listens). A resident's wait at submit is measured in both: in a hanging network only the first visit may wait
// the whole waitForNumberMs, the rest at most the doubtful budget (the outbox's doubt, ARCHITECTURE.md). Every application must be journaled, every receipt honest (no number while undelivered:
// the offline receipt with its tracking code), and when the backend returns on the same address the queue
// must drain by itself, in journal order, each exactly once. Reports the wait before the first delivery (the
// outbox's back-off after a long outage) and the drain rate.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import sharp from 'sharp';
import { startSandbox, type Sandbox } from '@easydo/backend-client/sandbox/server';
import { simulatorDefaults } from '@easydo/core/services/config/load';
import { check, finish, partArgs, REPO, sized, sleep, SOAK_ARTIFACTS } from './report';
import { startSoakTerminal } from './terminal';

const args = partArgs();
// Short: long enough for two visits in the hanging half (the first pays the budgets in full, the next the doubt's).
const OUTAGE_S = sized(args, 600, 40);
const ITEM = 'QR00204001';
const CARDS = ['res01', 'res03', 'res04'];
/** The application desk's wait for a number (its default): a visit that waited this long at submit waited it out (one in doubt waits 1 s). */
const WAIT_FOR_NUMBER_MS = 5000;

/** A listener that takes every connection and never says a word: requests hang until the client gives up. */
async function blackHole(port: number): Promise<{ close(): Promise<void>; connections(): number }> {
  const held = new Set<net.Socket>();
  let count = 0;
  const server = net.createServer((socket) => {
    count++;
    held.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => held.delete(socket));
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  return {
    connections: () => count,
    close: () => new Promise((resolve) => {
      for (const socket of held) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

const quantile = (values: number[], q: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!; // nearest rank
};
/** A synthetic page (fixtures/materials: invented content) standing in for the photographed ID card copy. */
// Scaled down: the page still goes through preparation and OCR, only faster, so more residents fit the outage.
const PAGE = (await sharp(readFileSync(path.join(REPO, 'fixtures/materials/residence-certificate.camera.jpg'))).resize({ width: 900 }).jpeg({ quality: 80 }).toBuffer()).toString('base64');

async function main() {
  mkdirSync(SOAK_ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(path.join(SOAK_ARTIFACTS, 'outage-'));
  const base = simulatorDefaults();
  const dbFile = path.join(dir, 'platform.sqlite');
  const terminals = [{ id: base.terminalId, secret: base.terminalSecret }];
  let sandbox: Sandbox | null = await startSandbox({ dbFile, terminals });
  const port = sandbox.port;
  mkdirSync(path.join(dir, 'terminal'));
  // The backend's own timeout as shipped (15 s): longer than a resident's wait, as on a real terminal.
  const t = await startSoakTerminal({ ...base, backend: { kind: 'remote', url: `http://127.0.0.1:${port}`, timeoutMs: 15_000 } }, path.join(dir, 'terminal'));
  const journal = t.app.terminal.applications.journal;
  const outbox = t.app.terminal.applications.outbox;
  let n = 0;
  const stepMs = new Map<string, number>();
  const timed = async <T>(step: string, run: () => Promise<T>): Promise<T> => {
    const at = Date.now();
    try {
      return await run();
    } finally {
      stepMs.set(step, Math.max(stepMs.get(step) ?? 0, Date.now() - at));
    }
  };
  const apply = async () => {
    await timed('placeCard', () => t.placeCard(CARDS[n++ % CARDS.length]!));
    try {
      await timed('formPrepare', () => t.call('form:prepare', { itemCode: ITEM }));
      const begun = await timed('materialsBegin', () => t.call('materials:begin', { itemCode: ITEM }));
      const idCard = begun.certificates.find((c) => c.type === '居民身份证');
      if (idCard) await t.call('materials:useCertificate', { materialCode: 'ID_CARD', certificateId: idCard.id });
      else {
        // Offline there are no electronic certificates: the resident puts the ID card copy under the camera.
        const page = await timed('materialsAddImage', () => t.call('materials:addImage', { imageBase64: PAGE, source: 'camera' }));
        await timed('materialsAssign', () => t.call('materials:assign', { pageId: page.id, materialCode: 'ID_CARD' }));
      }
      // Offline the library cannot prefill the phone: the resident types it.
      const asked = Date.now();
      const submitted = await t.call('application:submit', { itemCode: ITEM, form: { contactPhone: '13800000000' } });
      const waitedMs = Date.now() - asked;
      const receipt = await timed('receiptPrint', () => t.call('receipt:print', { localId: submitted.localId }));
      return { submitted, receipt, waitedMs };
    } finally {
      await t.call('session:end', { reason: 'finished' }).catch(() => undefined);
      await t.removeCard();
    }
  };

  try {
    // Online first: the catalogue is cached and the path works.
    for (let i = 0; i < 3; i++) await apply();
    const onlineCount = (await journal.list()).length;
    stepMs.clear(); // the slowest step of a visit during the outage, not online

    await sandbox.close();
    sandbox = null;
    let hole: Awaited<ReturnType<typeof blackHole>> | null = await blackHole(port);
    const outageStart = Date.now();
    const offline: string[] = [];
    const waits = { hanging: [] as number[], refusing: [] as number[] };
    let holeConnections = 0;
    let dishonest = 0;
    let refused = 0;
    let firstRefusal = '';
    while (Date.now() - outageStart < OUTAGE_S * 1000) {
      if (hole && Date.now() - outageStart >= (OUTAGE_S * 1000) / 2) {
        holeConnections = hole.connections();
        await hole.close();
        hole = null;
      }
      try {
        const { submitted, receipt, waitedMs } = await apply();
        (hole ? waits.hanging : waits.refusing).push(waitedMs);
        offline.push(submitted.localId);
        // Honest: no number the platform has not given; the receipt says offline and carries the tracking code.
        if (submitted.acceptanceNumber !== null || submitted.localStage !== 'submitted-locally') dishonest++;
        if (receipt.kind !== 'offline' || receipt.acceptanceNumber !== null || receipt.queryPassword !== null || receipt.trackingCode !== submitted.trackingCode) dishonest++;
      } catch (e) {
        refused++;
        firstRefusal ||= (e as Error).message;
        await sleep(200);
      }
    }
    if (hole) {
      holeConnections = hole.connections();
      await hole.close();
    }
    const outageS = (Date.now() - outageStart) / 1000;
    const waitedOut = [...waits.hanging, ...waits.refusing].filter((ms) => ms >= WAIT_FOR_NUMBER_MS).length;
    const depthAtReturn = (await outbox.status()).depth;

    // The platform returns on the same address; nobody applies: the outbox must notice on its own.
    sandbox = await startSandbox({ dbFile, port, terminals });
    const back = Date.now();
    let firstDeliveryAt: number | null = null;
    const bound = back + 8 * 60_000; // beyond the outbox's longest back-off (5 min)
    while ((await outbox.status()).depth > 0 && Date.now() < bound) {
      if (firstDeliveryAt === null && sandbox.stats().applications > onlineCount) firstDeliveryAt = Date.now();
      await sleep(20);
    }
    const drainedAt = Date.now();
    firstDeliveryAt ??= drainedAt;
    const remaining = (await outbox.status()).depth;

    // Count at the platform, in its insertion order, against the journal's order.
    const rows = sandbox.db.prepare('SELECT idempotency_key AS k, acceptance_number AS n FROM applications ORDER BY rowid').all() as Array<{ k: string; n: string }>;
    const local = new Map((await journal.list()).map((a) => [a.idempotencyKey, a]));
    const offlineSet = new Set(offline);
    const arrived = rows.map((r) => local.get(r.k)).filter((a) => a && offlineSet.has(a.localId));
    let outOfOrder = 0;
    for (let i = 1; i < arrived.length; i++) if (arrived[i]!.seq < arrived[i - 1]!.seq) outOfOrder++;
    if (process.env.SOAK_DEBUG) console.log('ARRIVED', arrived.map((a) => `${a!.seq}:${a!.attempts}:${a!.lastError ?? ''}`).join(' | '));
    const keys = rows.map((r) => r.k);
    const duplicated = keys.length - new Set(keys).size + rows.filter((r) => !local.has(r.k)).length;
    const byId = new Map((await journal.list()).map((a) => [a.localId, a]));
    const lost = offline.filter((id) => {
      const a = byId.get(id);
      return !a || !a.acceptanceNumber || !rows.some((r) => r.k === a.idempotencyKey && r.n === a.acceptanceNumber);
    }).length;
    const drainS = (drainedAt - firstDeliveryAt) / 1000;
    return {
      figures: {
        outageS, submittedOffline: offline.length, secondsPerOfflineApplication: offline.length ? outageS / offline.length : 0, refusedOffline: refused, dishonestReceipts: dishonest, queuedAtReturn: depthAtReturn,
        visitsWhileHanging: waits.hanging.length, submitWaitHangingP50Ms: quantile(waits.hanging, 0.5), submitWaitHangingP95Ms: quantile(waits.hanging, 0.95), submitWaitHangingMaxMs: quantile(waits.hanging, 1),
        visitsWhileRefusing: waits.refusing.length, submitWaitRefusingP50Ms: quantile(waits.refusing, 0.5), submitWaitRefusingP95Ms: quantile(waits.refusing, 0.95), submitWaitRefusingMaxMs: quantile(waits.refusing, 1),
        visitsThatWaitedOut: waitedOut, ...Object.fromEntries([...stepMs].map(([step, ms]) => [`slowest${step[0]!.toUpperCase()}${step.slice(1)}Ms`, ms])), connectionsHeldByTheHangingNetwork: holeConnections,
        firstDeliveryAfterS: (firstDeliveryAt - back) / 1000, drainS, drainRatePerS: drainS > 0 ? arrived.length / drainS : arrived.length,
        delivered: arrived.length, lost, duplicated, outOfOrder, remaining,
      },
      checks: [
        check(offline.length > 0, 'no application was taken during the outage'),
        check(waits.hanging.length >= 2 && waits.refusing.length > 0, `the outage had two visits or more while the network hung and one or more while it refused (hanging ${waits.hanging.length}, refusing ${waits.refusing.length})`),
        check(holeConnections > 0, 'the hanging network held no connection: the terminal never tried the platform while it hung'),
        check(waitedOut <= 1, `${waitedOut} visit(s) waited out the ${WAIT_FOR_NUMBER_MS} ms for a number during the outage (at most the first may)`),
        check(refused === 0, `${refused} application(s) refused during the outage, first: ${firstRefusal}`),
        check(dishonest === 0, `${dishonest} receipt(s) or answers claimed a number the platform had not given`),
        check(remaining === 0, `${remaining} application(s) still queued ${Math.round((bound - back) / 1000)} s after the backend returned`),
        check(lost === 0, `${lost} application(s) taken during the outage never reached the platform with the journaled number`),
        check(duplicated === 0, `${duplicated} duplicate(s) at the platform`),
        check(outOfOrder === 0, `${outOfOrder} application(s) delivered out of journal order`),
      ],
    };
  } finally {
    await t.close().catch(() => undefined);
    await sandbox?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

const { figures, checks } = await main();
finish('outage', figures, checks);
