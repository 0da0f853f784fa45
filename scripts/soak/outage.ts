// Soak part "outage": the backend goes away for 10 minutes (real time: the outbox's timers are not
// injectable through the composition root, so nothing is simulated) while residents keep applying through
// the whole terminal. Every application must be journaled, every receipt honest (no number while undelivered:
// the offline receipt with its tracking code), and when the backend returns on the same address the queue
// must drain by itself, in journal order, each exactly once. Reports the wait before the first delivery (the
// outbox's back-off after a long outage) and the drain rate.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { startSandbox, type Sandbox } from '@easydo/backend-client/sandbox/server';
import { simulatorDefaults } from '@easydo/core/services/config/load';
import { check, finish, partArgs, REPO, sized, sleep, SOAK_ARTIFACTS } from './report';
import { startSoakTerminal } from './terminal';

const args = partArgs();
const OUTAGE_S = sized(args, 600, 20);
const ITEM = 'QR00204001';
const CARDS = ['res01', 'res03', 'res04'];
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
  const t = await startSoakTerminal({ ...base, backend: { kind: 'remote', url: `http://127.0.0.1:${port}`, timeoutMs: 2000 } }, path.join(dir, 'terminal'));
  const journal = t.app.terminal.applications.journal;
  const outbox = t.app.terminal.applications.outbox;
  let n = 0;
  const apply = async () => {
    await t.placeCard(CARDS[n++ % CARDS.length]!);
    try {
      await t.call('form:prepare', { itemCode: ITEM });
      const begun = await t.call('materials:begin', { itemCode: ITEM });
      const idCard = begun.certificates.find((c) => c.type === '居民身份证');
      if (idCard) await t.call('materials:useCertificate', { materialCode: 'ID_CARD', certificateId: idCard.id });
      else {
        // Offline there are no electronic certificates: the resident puts the ID card copy under the camera.
        const page = await t.call('materials:addImage', { imageBase64: PAGE, source: 'camera' });
        await t.call('materials:assign', { pageId: page.id, materialCode: 'ID_CARD' });
      }
      // Offline the library cannot prefill the phone: the resident types it.
      const submitted = await t.call('application:submit', { itemCode: ITEM, form: { contactPhone: '13800000000' } });
      const receipt = await t.call('receipt:print', { localId: submitted.localId });
      return { submitted, receipt };
    } finally {
      await t.call('session:end', { reason: 'finished' }).catch(() => undefined);
      await t.removeCard();
    }
  };

  try {
    // Online first: the catalogue is cached and the path works.
    for (let i = 0; i < 3; i++) await apply();
    const onlineCount = (await journal.list()).length;

    await sandbox.close();
    sandbox = null;
    const outageStart = Date.now();
    const offline: string[] = [];
    let dishonest = 0;
    let refused = 0;
    let firstRefusal = '';
    while (Date.now() - outageStart < OUTAGE_S * 1000) {
      try {
        const { submitted, receipt } = await apply();
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
    const outageS = (Date.now() - outageStart) / 1000;
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
        firstDeliveryAfterS: (firstDeliveryAt - back) / 1000, drainS, drainRatePerS: drainS > 0 ? arrived.length / drainS : arrived.length,
        delivered: arrived.length, lost, duplicated, outOfOrder, remaining,
      },
      checks: [
        check(offline.length > 0, 'no application was taken during the outage'),
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
