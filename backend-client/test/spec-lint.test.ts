// openapi.yaml passes Redocly CLI's recommended rules (tuned in /redocly.yaml, each change explained there) with
// no error and no warning. The linter runs as the real CLI, the way a developer or CI would run it, and is shown
// to bite on the faults it exists for: a YAML slip in a flow mapping, an operation without a 4XX response.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const spec = join(repo, 'backend-client/openapi.yaml');
const cli = join(repo, 'node_modules/@redocly/cli/bin/cli.js');
const config = join(repo, 'redocly.yaml');

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer?: string }[] }[];
}

async function lint(file: string): Promise<LintReport> {
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
  // The CLI exits 1 when it finds errors; its JSON report on stdout is what we read either way.
  const out = await promisify(execFile)(process.execPath, [cli, 'lint', file, '--config', config, '--format=json'], { env, cwd: repo, maxBuffer: 16 * 1024 * 1024 })
    .catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
  return JSON.parse(out.stdout) as LintReport;
}

const describeProblems = (r: LintReport) => r.problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`).join('\n');

describe('openapi.yaml lint (Redocly CLI, recommended rules)', () => {
  it('has no error and no warning', async () => {
    const report = await lint(spec);
    expect(describeProblems(report)).toBe('');
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  it('bites: a flow-mapping slip and an operation without 4XX responses are reported', async () => {
    const text = readFileSync(spec, 'utf8');
    const broken = text
      .replace("acceptanceNumber: { type: string, description: 'Opaque, server-issued.' }", 'acceptanceNumber: { type: string, description: Opaque, server-issued. }')
      .replace(/^ {8}'4\d\d': \{ \$ref: '#\/components\/responses\/[A-Za-z]+' \}\n/gm, '');
    expect(broken).not.toBe(text);
    const dir = mkdtempSync(join(tmpdir(), 'spec-lint-'));
    writeFileSync(join(dir, 'openapi.yaml'), broken);
    const report = await lint(join(dir, 'openapi.yaml'));
    const rules = report.problems.map((p) => p.ruleId);
    expect(report.problems.find((p) => p.ruleId === 'struct')?.message).toContain('server-issued.');
    expect(rules.filter((r) => r === 'operation-4xx-response').length).toBe(15);
    expect(report.totals.errors).toBeGreaterThan(0);
  }, 60_000);
});
