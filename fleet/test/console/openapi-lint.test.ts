// fleet/openapi.yaml passes Redocly CLI's recommended rules with the project's redocly.yaml (as
// backend-client/openapi.yaml does), with no error and no warning; shown to bite on an operation without 4XX.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConsoleSpec } from '@easydo/fleet/console/openapi-validator';
import { HANDLERS } from '@easydo/fleet/console/api';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const spec = join(repo, 'fleet/openapi.yaml');

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer?: string }[] }[];
}

async function lint(file: string): Promise<LintReport> {
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
  const out = await promisify(execFile)(process.execPath, [join(repo, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', file, '--config', join(repo, 'redocly.yaml'), '--format=json'], { env, cwd: repo, maxBuffer: 16 << 20 })
    .catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
  return JSON.parse(out.stdout) as LintReport;
}

describe('fleet/openapi.yaml', () => {
  it('lints clean (Redocly CLI, recommended rules)', async () => {
    const report = await lint(spec);
    expect(report.problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`).join('\n')).toBe('');
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  it('the lint bites: an operation without 4XX answers is an error', async () => {
    const broken = readFileSync(spec, 'utf8').replace("        '401': { $ref: '#/components/responses/Unauthenticated' }\n  /api/terminals:", '  /api/terminals:');
    const dir = mkdtempSync(join(tmpdir(), 'fleet-spec-lint-'));
    writeFileSync(join(dir, 'openapi.yaml'), broken);
    const report = await lint(join(dir, 'openapi.yaml'));
    expect(report.problems.some((p) => p.ruleId === 'operation-4xx-response')).toBe(true);
    expect(report.totals.errors).toBeGreaterThan(0);
  }, 60_000);

  it('every operation has a handler in the console, and every handler an operation', () => {
    const ops = [...new ConsoleSpec().operations.keys()].filter((id) => id !== 'liveEvents').sort();
    expect(Object.keys(HANDLERS).sort()).toEqual(ops);
  });
});
