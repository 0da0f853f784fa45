// `npm run fleet` fails closed in production: the real CLI, started as a user would, refuses development brokers,
// plaintext broker URLs and development operator passwords (exit 78, naming why) before it listens anywhere.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = path.join(repo, 'node_modules/.bin/tsx');

function fleet(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, ['fleet/src/cli.ts', ...args], { cwd: repo, env: { ...process.env, EASYDO_PROFILE: '' }, timeout: 60_000 }, (err, _stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stderr }),
    );
  });
}

describe('npm run fleet, production profile', () => {
  it('refuses the embedded development broker', async () => {
    const r = await fleet(['--profile', 'production', '--broker', 'embedded']);
    expect(r.code).toBe(78);
    expect(r.stderr).toContain('is a development broker');
  }, 70_000);

  it('refuses a plaintext broker URL', async () => {
    const r = await fleet(['--profile', 'production', '--broker', 'mqtt://broker.example.invalid:1883']);
    expect(r.code).toBe(78);
    expect(r.stderr).toContain('refuses a plaintext broker');
  }, 70_000);

  it('refuses an operator with a development password, and simulated terminals', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fleet-cli-'));
    const file = path.join(dir, 'operators.json');
    writeFileSync(file, JSON.stringify([{ username: 'city', role: 'city', password: 'easydo-city-dev' }]));
    writeFileSync(path.join(dir, 'ca.pem'), 'not used before the refusal');
    const weak = await fleet(['--profile', 'production', '--broker', 'mqtts://broker.example.invalid:8883', '--ca', path.join(dir, 'ca.pem'), '--operators', file, '--data-dir', dir]);
    expect(weak.code).toBe(78);
    expect(weak.stderr).toContain('uses a development password');
    const sim = await fleet(['--profile', 'production', '--simulate', '3']);
    expect(sim.code).toBe(78);
    expect(sim.stderr).toContain('development profile only');
  }, 130_000);
});
