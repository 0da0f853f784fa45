// The helper's shipped files agree with its code: every operation a unit runs exists in the CLI, and the example
// configuration parses (with a real key in the placeholder).
import { readdirSync, readFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HelperConfig } from '../linux/update-helper/protocol';

const dir = new URL('../linux/update-helper/', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, dir), 'utf8');

describe('update helper files', () => {
  it('units run only operations the CLI has, with the shipped config path', () => {
    const cli = read('cli.ts');
    const ops = readdirSync(new URL('systemd/', dir))
      .filter((f) => /\.(service|conf)$/.test(f) && !f.includes('tmpfiles'))
      .flatMap((f) => [...read(`systemd/${f}`).matchAll(/easydo-update-helper\.mjs (\S+) --config (\S+)/g)].map((m) => ({ op: m[1]!, config: m[2]! })));
    expect(ops.map((o) => o.op).sort()).toEqual(['deadline-check', 'process-spool', 'start-check']);
    for (const o of ops) {
      expect(cli).toContain(`case '${o.op}':`);
      expect(o.config).toBe('/etc/easydo/update-helper.json');
    }
  });

  it('the example configuration parses once its key is a real one', () => {
    const x = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!;
    const text = read('systemd/update-helper.example.json').replace('REPLACE-with-base64-of-the-32-byte-key=', Buffer.from(x, 'base64url').toString('base64'));
    const config = HelperConfig.parse(JSON.parse(text));
    expect(config.dpkg).toEqual({ command: 'dpkg', args: [] });
    expect(config.acceptFrom.startsWith('/var/lib/easydo/updates')).toBe(true);
    // Fail closed: the placeholder itself (not a key) is refused.
    expect(HelperConfig.safeParse(JSON.parse(read('systemd/update-helper.example.json'))).success).toBe(false);
  });
});
