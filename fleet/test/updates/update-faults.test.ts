// Every fault ends on the last good version: a tampered package, a wrong or missing signature, a downgrade, a
// truncated download (which then resumes), a full disk, a file handed to the helper without the release's
// signature, two installs at once, and a power cut (SIGKILL of the helper and its dpkg) in the middle of an install.
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey } from '@easydo/core/services/update/signing';
import { NIGHT, UpdateWorld } from './update-harness';

const world = new UpdateWorld();
beforeAll(() => world.start(), 120_000);
afterAll(() => world.stop());

async function helperState(t: { helper(...a: string[]): Promise<unknown> }) {
  return (await t.helper('status')) as { good: { version: string } | null; pending: { version: string } | null; inFlight: unknown; rolledBack: Array<{ version: string; reason: string }> };
}

describe('faults end on the last good version', () => {
  it('a package altered in transit is deleted unverified and never reaches the helper', async () => {
    world.now = NIGHT;
    const t = await world.terminal('SZ-TAMPER-01');
    await world.publish('2.0.0');
    world.feed.faults.flipNextAt = 1000;
    expect(await t.check()).toMatchObject({ step: 'failed', reason: 'hash' });
    expect(await t.installedVersion()).toBe('1.0.0');
    expect((await helperState(t)).pending).toBeNull();
    expect(await readdir(join(t.config.spoolDir, '..', 'agent', 'downloads'))).toEqual([]);
    // The next check fetches it whole and installs.
    await t.check();
    expect(await t.installedVersion()).toBe('2.0.0');
  }, 120_000);

  it('a manifest signed by a key the terminal does not pin is refused; so is a package signed by another key', async () => {
    world.now = NIGHT;
    const t = await world.terminal('SZ-SIG-0001');
    const rogue = generateSigningKey('release-1'); // same id, other key: the id is no authority
    await world.publish('2.1.0', 'healthy', { key: rogue });
    expect(await t.check()).toMatchObject({ step: 'idle', reason: 'signature' });
    await world.publish('2.1.0', 'healthy', { packageKey: rogue });
    expect(await t.check()).toMatchObject({ step: 'failed', reason: 'signature' });
    expect(await t.installedVersion()).toBe('1.0.0');
  }, 120_000);

  it('an older release, even correctly signed, is never installed; the kill switch stops a release', async () => {
    world.now = NIGHT;
    const t = await world.terminal('SZ-DOWN-0001');
    await world.publish('2.2.0');
    await t.check();
    expect(await t.installedVersion()).toBe('2.2.0');
    await world.publish('1.9.0'); // a replayed older manifest
    expect(await t.check()).toMatchObject({ step: 'idle', reason: 'notNewer' });
    await world.publish('2.3.0', 'healthy', { killSwitch: true });
    expect(await t.check()).toMatchObject({ step: 'pending', reason: 'killSwitch' });
    expect(await t.installedVersion()).toBe('2.2.0');
  }, 120_000);

  it('a truncated download keeps what arrived and resumes with a Range request', async () => {
    world.now = NIGHT;
    const t = await world.terminal('SZ-CUT-0001');
    await world.publish('2.4.0', 'healthy', { padBytes: 300_000 });
    world.feed.faults.cutNextAfterBytes = 100_000;
    expect(await t.check()).toMatchObject({ step: 'failed', reason: 'network' });
    expect(await t.installedVersion()).toBe('1.0.0');
    await t.check();
    expect(await t.installedVersion()).toBe('2.4.0');
    const requests = world.feed.packageRequests.filter((p) => p.path.includes('2.4.0'));
    expect(requests).toHaveLength(2);
    expect(requests[0]!.range).toBeNull();
    expect(requests[1]!.range).toMatch(/^bytes=\d+-$/);
    expect(Number(/\d+/.exec(requests[1]!.range!)![0])).toBeGreaterThan(0);
  }, 120_000);

  it('a full disk fails the download cleanly (ENOSPC from /dev/full)', async () => {
    world.now = NIGHT;
    const t = await world.terminal('SZ-FULL-0001');
    await world.publish('2.5.0');
    const downloads = join(t.config.spoolDir, '..', 'agent', 'downloads');
    await mkdir(downloads, { recursive: true });
    await symlink('/dev/full', join(downloads, 'easydo-terminal_2.5.0.deb.part'));
    expect(await t.check()).toMatchObject({ step: 'failed', reason: 'diskFull' });
    expect(await t.installedVersion()).toBe('1.0.0');
    expect((await helperState(t)).pending).toBeNull();
  }, 120_000);

  it('the helper refuses a file without the release signature, and one outside the download folder', async () => {
    world.now = NIGHT;
    const t = await world.terminal('SZ-UNSIGNED-1');
    const deb = await world.deb('2.6.0');
    const downloads = join(t.config.spoolDir, '..', 'agent', 'downloads');
    const inside = join(downloads, 'easydo-terminal_2.6.0.deb');
    await writeFile(inside, await readFile(deb));
    const real = await world.signatureOf(deb, '2.6.0');
    const other = await world.signatureOf(deb, '2.6.0', generateSigningKey('release-1'));
    const ask = async (body: object) => {
      await mkdir(t.config.spoolDir, { recursive: true });
      const id = `req-${Math.random().toString(36).slice(2, 12)}`;
      await writeFile(join(t.config.spoolDir, `${id}.json`), JSON.stringify({ id, op: 'install', version: '2.6.0', keyId: 'release-1', ...body }));
      const [r] = (await t.helper('process-spool')) as Array<{ code: string; installed: string }>;
      return r!;
    };
    expect(await ask({ file: inside, size: other.size, sha512: other.sha512, signature: other.signature })).toMatchObject({ code: 'unsigned', installed: '1.0.0' });
    expect(await ask({ file: inside, size: real.size, sha512: real.sha512, signature: real.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) })).toMatchObject({ code: 'unsigned' });
    expect(await ask({ file: deb, ...real })).toMatchObject({ code: 'notAccepted' });
    expect(await ask({ file: inside, ...real, version: '0.9.0' })).toMatchObject({ code: 'notNewer' });
    expect(await t.installedVersion()).toBe('1.0.0');
    // The same request, properly signed, goes through: the refusals above were about the signature, not the path.
    expect(await ask({ file: inside, ...real })).toMatchObject({ code: 'installed', installed: '2.6.0' });
  }, 120_000);

  it('never two installs at once: a held lock leaves the spool alone, and a second install waits for the first one\'s health', async () => {
    world.now = NIGHT;
    const t = await world.terminal('SZ-TWICE-0001');
    const downloads = join(t.config.spoolDir, '..', 'agent', 'downloads');
    const reqs = [];
    for (const v of ['2.7.0', '2.8.0']) {
      const deb = await world.deb(v);
      const file = join(downloads, `easydo-terminal_${v}.deb`);
      await writeFile(file, await readFile(deb));
      reqs.push({ id: `twice-${v.replace(/\./g, '')}-x`, op: 'install', file, version: v, keyId: 'release-1', ...(await world.signatureOf(deb, v)) });
    }
    await mkdir(t.config.spoolDir, { recursive: true });
    await writeFile(join(t.config.spoolDir, '1.json'), JSON.stringify(reqs[0]));
    await writeFile(join(t.config.spoolDir, '2.json'), JSON.stringify(reqs[1]));
    // A live process holds the lock (this test's own pid) past the helper's wait: it answers nothing, touches nothing.
    const lock = join(t.config.helperStateDir, 'helper.lock');
    await writeFile(lock, String(process.pid));
    expect(await t.helper('process-spool')).toEqual([]);
    expect((await readdir(t.config.spoolDir)).sort()).toEqual(['1.json', '2.json']);
    // A lock left by a dead helper is taken over.
    await writeFile(lock, '999999');
    const results = (await t.helper('process-spool')) as Array<{ code: string }>;
    expect(results.map((r) => r.code)).toEqual(['installed', 'pendingInstall']);
    expect(await t.installedVersion()).toBe('2.7.0');
  }, 120_000);

  it('a power cut in the middle of an install (SIGKILL of the helper and dpkg, package left unpacked) ends on the last good version at the next start', async () => {
    world.now = NIGHT;
    const t = await world.terminal('SZ-POWER-0001');
    const deb = await world.deb('2.9.0');
    const downloads = join(t.config.spoolDir, '..', 'agent', 'downloads');
    const file = join(downloads, 'easydo-terminal_2.9.0.deb');
    await writeFile(file, await readFile(deb));
    // A dpkg that stops between unpacking and configuring (real dpkg for both steps): the power is cut there, so
    // dpkg's own database holds 2.9.0 half-installed, as after a real cut.
    const bin = join(t.config.helperStateDir, '..', 'bin');
    await mkdir(bin, { recursive: true });
    const marker = join(bin, 'unpacked');
    await writeFile(join(bin, 'dpkg'), `#!/bin/sh\ncase "$*" in *--install*) for last; do :; done; set -- "$@"; opts=""; for a in "$@"; do case "$a" in --install|"$last") ;; *) opts="$opts $a";; esac; done; dpkg $opts --unpack "$last" && touch ${marker} && sleep 120 && dpkg $opts --configure --pending; exit $?;; esac\nexec dpkg "$@"\n`, { mode: 0o755 });
    await writeFile(join(bin, 'dpkg-query'), '#!/bin/sh\nexec dpkg-query "$@"\n', { mode: 0o755 });
    const config = JSON.parse(await readFile(t.helperConfigPath, 'utf8')) as { dpkg: { command: string } };
    await writeFile(t.helperConfigPath, JSON.stringify({ ...config, dpkg: { ...config.dpkg, command: join(bin, 'dpkg') } }));
    await mkdir(t.config.spoolDir, { recursive: true });
    await writeFile(join(t.config.spoolDir, 'cut.json'), JSON.stringify({ id: 'power-cut-1', op: 'install', file, version: '2.9.0', keyId: 'release-1', ...(await world.signatureOf(deb, '2.9.0')) }));
    const child = t.spawnHelper('process-spool');
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    for (let i = 0; i < 6000 && !(await readFile(marker).then(() => true, () => false)); i++) await new Promise((r) => setTimeout(r, 20));
    process.kill(-child.pid!, 'SIGKILL'); // the helper, the wrapper and its sleep: the whole group, as a power cut
    await exited;
    expect((await helperState(t)).inFlight).toMatchObject({ op: 'install', version: '2.9.0' });
    const { execFileSync } = await import('node:child_process');
    expect(execFileSync('dpkg-query', [`--root=${t.root}`, '--show', '--showformat=${Status} ${Version}', 'easydo-terminal'], { encoding: 'utf8' })).toBe('install ok unpacked 2.9.0');
    // Power back: the real dpkg again, and the next start's start-check finds the cut-off install and puts 1.0.0 back.
    await writeFile(t.helperConfigPath, JSON.stringify(config));
    const boot = await t.boot();
    expect(boot.running).toBe('1.0.0');
    expect(await t.installedVersion()).toBe('1.0.0');
    const s = await helperState(t);
    expect(s.inFlight).toBeNull();
    expect(s.good!.version).toBe('1.0.0');
    expect(s.rolledBack).toEqual([expect.objectContaining({ version: '2.9.0', reason: 'interrupted' })]);
  }, 180_000);
});
