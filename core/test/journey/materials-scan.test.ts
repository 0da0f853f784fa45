// materials:scan on a terminal whose scanner is a hot folder: the page a network scanner drops in becomes a
// page of the session (source scanner), and nothing of it survives the session end.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatorDefaults } from '../../src/services/config/load';
import type { HotFolderSource } from '@easydo/device-drivers/scanner/hot-folder';
import { startTestTerminal, type TestTerminal } from './terminal';

const TMP = mkdtempSync(path.join(os.tmpdir(), 'easydo-scan-tmp-'));
process.env.TMPDIR = TMP;
const HOT = mkdtempSync(path.join(TMP, 'hot-'));
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/materials');

// What a crashed earlier run left: a session folder of a process that is gone (its pid is reaped).
const DEAD_PID = spawnSync('true').pid!;
const LEFTOVER = path.join(TMP, `easydo-materials-${DEAD_PID}-x-AbC123`);
mkdirSync(path.join(LEFTOVER, 'page'), { recursive: true });
writeFileSync(path.join(LEFTOVER, 'page', 'upload.jpg'), 'sealed bytes of the last resident');

let t: TestTerminal;
beforeAll(async () => {
  t = await startTestTerminal({ devices: { ...simulatorDefaults().devices, scanner: { source: 'folder', device: HOT, adf: false, resolution: 300 } } });
});
afterAll(async () => {
  await t?.close();
});

describe('materials:scan', () => {
  it('start-up swept the page images a crashed run left behind', () => {
    expect(existsSync(LEFTOVER)).toBe(false);
  });

  it('refuses before an item is chosen, then takes the scanned page into the session', async () => {
    await t.placeCard('res01');
    expect((await t.failure('materials:scan', {})).reason).toBe('no-materials');
    await t.call('materials:begin', { itemCode: 'XK00401002' });
    // The network scanner delivers while the terminal waits (a page already lying there would not be this scan's).
    const scan = t.call('materials:scan', {});
    await expect.poll(() => (t.terminal.scanner!.service as HotFolderSource).requestOpen).toBe(true);
    copyFileSync(path.join(FIXTURES, 'lease-contract.scan.jpg'), path.join(HOT, 'scan-0001.jpg'));
    const { pages } = await scan;
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ source: 'scanner', trust: 'C' });
    expect(readdirSync(HOT).filter((n) => !n.startsWith('.'))).toEqual([]);
    expect((await t.call('materials:list', {})).pages.map((p) => p.id)).toEqual([pages[0]!.id]);
    await t.call('session:end', { reason: 'finished' });
    expect(readdirSync(TMP).filter((n) => n.startsWith('easydo-materials-'))).toEqual([]);
  }, 60_000);
});
