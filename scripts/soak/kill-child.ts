// The terminal half of the kill soak: the real application desk (journal + outbox) over a remote backend,
// submitting one resident's applications back to back until the parent SIGKILLs it. Each step is announced
// on stdout (a pipe: synchronous on Linux, so a line written is a line the parent gets) so the parent knows
// where the kill landed and which receipts the resident was shown. `--drain` only delivers what is queued.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackendClient } from '@easydo/backend-client/client';
import { createApplicationDesk } from '@easydo/core/services/applications/application-desk';
import { CatalogueService } from '@easydo/core/services/catalogue/catalogue-service';
import { readConfigFile } from '@easydo/core/services/config/load';
import { createLogger } from '@easydo/core/services/logging/logger';
import type { CardRecord } from '@easydo/core/services/session/card-record';
import { SessionManager } from '@easydo/core/services/session/session-manager';
import { cardSessionOf } from '@easydo/core/services/session/card-session';

/** 房屋租赁备案变更: one form field and a paper lease (the journey test's item). */
export const KILL_ITEM = 'XK00401002';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const { values } = parseArgs({ options: { data: { type: 'string' }, card: { type: 'string' }, drain: { type: 'boolean', default: false } } });
  const dataDir = values.data!;
  const config = readConfigFile(path.join(dataDir, 'config.json'));
  if (config.backend.kind !== 'remote') throw new Error('the kill soak needs a remote backend');
  const client = createBackendClient({ baseUrl: config.backend.url, terminalId: config.terminalId, secret: config.terminalSecret, timeoutMs: config.backend.timeoutMs, retryBaseMs: 20 });
  const catalogue = new CatalogueService(client, path.join(dataDir, 'catalogue-cache.json'));
  const desk = await createApplicationDesk({ config, dataDir, client, catalogue, log: createLogger({ level: 'silent' }), waitForNumberMs: 1500 });
  if (values.drain) {
    for (;;) {
      await desk.outbox.drainNow();
      const s = await desk.outbox.status();
      if (s.depth === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await desk.close();
    say('drained');
    return;
  }
  say('ready');
  const card = JSON.parse(readFileSync(values.card!, 'utf8')) as CardRecord;
  const sessions = new SessionManager();
  for (let n = 1; ; n++) {
    // A fresh record per session, as each card read gives: the wipe at session end blanks the one it held.
    const session = cardSessionOf(await sessions.start({ ...card }));
    say(`submitting ${n}`);
    // A fresh page each time: a real upload per application (the sandbox keeps one upload per digest).
    const page = randomBytes(1024 + Math.floor(Math.random() * 4096));
    try {
      const res = await desk.submit(session, { itemCode: KILL_ITEM, form: { reason: '租期延长，变更备案' } }, {
        materials: [{ code: 'LEASE', pageCount: 1, trustLevel: 'C', contentType: 'image/png', data: page }],
      });
      // What the receipt would show: the platform's number, or "pending" with the local tracking code.
      say(`receipt ${res.localId} ${res.acceptanceNumber ?? 'pending'}`);
    } catch (err) {
      // Refused before journaling (e.g. the catalogue unreachable through an injected fault): the resident
      // sees an error and nothing was promised. The parent counts these.
      const e = err as { code?: string; reason?: string };
      say(`refused ${e.code ?? "error"}/${e.reason ?? ""}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await sessions.end('finished');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`kill-child: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(3);
});
