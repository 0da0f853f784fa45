// The diagnostics bundle: rotated file logs through the redacting logger, the audit trail and the sections,
// packed as tar.gz; unpacked and searched for every fixture ID number, permit number and name.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTerminalLogging } from '@easydo/core/services/logging/terminal-logger';
import { AuditLog } from '@easydo/core/services/admin/audit-log';
import { writeBundle } from '@easydo/core/services/admin/bundle';
import { publicView } from '@easydo/core/services/config/public-view';
import { simulatorDefaults } from '@easydo/core/services/config/load';

interface Holder { id: string; name: string; englishName?: string | null; idNumber: string; permitNumber?: string | null; address: string }
const holders = JSON.parse(readFileSync(path.resolve(__dirname, '../../../fixtures/idcard/cardholders.json'), 'utf8')) as Holder[];

function personalStrings(): string[] {
  return holders.flatMap((h) => [h.name, h.idNumber, h.address, h.englishName, h.permitNumber]).filter((s): s is string => typeof s === 'string' && s.length > 0);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)).filter((f) => statSync(f).isFile());
}

describe('diagnostics bundle', () => {
  it('holds logs, audit, config, counters — and no ID number or name of any fixture person', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'easydo-bundle-'));
    const logging = createTerminalLogging(dataDir, { stderr: false });
    const log = logging.logger;
    for (const h of holders) {
      // Careless calls of every shape the code base might make: keyed fields, whole objects, IDs in messages, errors.
      log.info({ card: h }, 'card read');
      log.info({ idNumber: h.idNumber, name: h.name, applicant: { name: h.name } }, 'prefill');
      log.warn(`lookup failed for ${h.idNumber}`);
      log.error(new Error(`backend refused ${h.idNumber}${h.permitNumber ? ` / ${h.permitNumber}` : ''}`));
      log.info({ form: { applicantName: h.name }, englishName: h.englishName ?? 'x' }, 'form');
    }
    log.info({ deviceId: 'receiptPrinter', status: 'userError' }, 'device changed');
    const audit = new AuditLog(dataDir);
    audit.record('admin.testRead', { windowId: 'w1', name: holders[0]!.name, idNumber: holders[0]!.idNumber });
    const config = simulatorDefaults();

    const bundle = await writeBundle({
      dataDir,
      terminalId: config.terminalId,
      logDir: logging.logDir,
      flushLogs: () => logging.flush(),
      auditFile: audit.file,
      sections: { config: publicView(config), devices: [{ id: 'receiptPrinter', counters: { receiptsPrinted: 3, paperOutEvents: 1 } }] },
    });
    await logging.close();
    expect(bundle.path.startsWith(path.join(dataDir, 'bundles'))).toBe(true);
    expect(bundle.bytes).toBeGreaterThan(100);

    const out = mkdtempSync(path.join(os.tmpdir(), 'easydo-bundle-x-'));
    execFileSync('tar', ['-xzf', bundle.path, '-C', out]);
    const files = filesUnder(out);
    const names = files.map((f) => path.relative(out, f)).sort();
    expect(names).toEqual(expect.arrayContaining(['diagnostics/audit.jsonl', 'diagnostics/config.json', 'diagnostics/devices.json', 'diagnostics/manifest.json']));
    expect(names.some((n) => /^diagnostics\/logs\/terminal\.\d+\.log$/.test(n))).toBe(true);
    const all = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    // The bundle really carries the logs (so the search below searched something).
    expect(all).toContain('device changed');
    expect(all).toContain('card read');
    expect(all).toContain('paperOutEvents');
    for (const s of personalStrings()) expect(all, `bundle contains ${s.slice(0, 4)}…`).not.toContain(s);
    // And no secret of the terminal.
    expect(all).not.toContain(config.terminalSecret);
    expect(all).not.toContain(config.adminPinHash);
    // grep over the archive's bytes too (what a reviewer would do with zgrep).
    const raw = execFileSync('tar', ['-xzOf', bundle.path]).toString('utf8');
    for (const s of personalStrings()) expect(raw.includes(s)).toBe(false);
  });

  it('rotates the log files by size and keeps the newest ones', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'easydo-roll-'));
    const logging = createTerminalLogging(dataDir, { stderr: false, fileSize: '20k', files: 3 });
    for (let i = 0; i < 1500; i++) logging.logger.info({ i, pad: 'x'.repeat(60) }, 'filler line');
    await logging.flush();
    await new Promise((r) => setTimeout(r, 300));
    await logging.close();
    const logs = readdirSync(logging.logDir).filter((f) => f.endsWith('.log'));
    expect(logs.length).toBeGreaterThan(1);
    expect(logs.length).toBeLessThanOrEqual(4);
    expect(logging.ring.query({ text: 'filler', limit: 5 }).map((e) => e.fields)).toHaveLength(5);
  });
});
