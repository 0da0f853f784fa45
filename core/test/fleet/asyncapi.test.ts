// The AsyncAPI document is linted with the AsyncAPI parser, is exactly what the zod schemas generate, and every
// example in it is a payload the zod schemas accept (and they refuse what the document says they must).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';
import { ASYNCAPI_FILE, renderAsyncApi } from '@easydo/core/services/fleet/asyncapi-cli';
import { componentSchemas } from '@easydo/core/services/fleet/asyncapi-document';
import { FLEET_SCHEMAS, TerminalState } from '@easydo/core/services/fleet/messages';
import { EXAMPLES } from '@easydo/core/services/fleet/examples';

const text = readFileSync(ASYNCAPI_FILE, 'utf8');

/** The parser tags every schema it read with `x-parser-*` ids; those are its bookkeeping, not the document's. */
function withoutParserTags(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutParserTags);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith('x-parser-')).map(([k, v]) => [k, withoutParserTags(v)]));
  }
  return value;
}

async function parse(source: string) {
  const parser = new Parser();
  const { document, diagnostics } = await parser.parse(source);
  return { document, errors: diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error) };
}

describe('backend-client/asyncapi.yaml', () => {
  // The parser (with its spectral rules) is slow: the document is parsed once for every check that reads it.
  let parsed: Awaited<ReturnType<typeof parse>>;
  beforeAll(async () => {
    parsed = await parse(text);
  }, 180_000);

  it('is valid AsyncAPI 3 (no parser errors)', () => {
    const { document, errors } = parsed;
    expect(errors.map((e) => `${e.path.join('.')}: ${e.message}`)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    expect(document?.channels().all().map((c) => c.address())).toContain('easydo/v1/terminals/{terminalId}/state');
  });

  it('the linter catches a broken document (an operation pointing at a channel that does not exist)', { timeout: 180_000 }, async () => {
    const broken = text.replace('$ref: "#/channels/alerts"', '$ref: "#/channels/nowhere"');
    expect(broken).not.toBe(text);
    const { errors } = await parse(broken);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('is the output of the zod schemas (regenerate with asyncapi-cli.ts when a schema changes)', () => {
    expect(text).toBe(renderAsyncApi());
  });

  it('holds the zod-generated JSON Schema of every payload, as the parser reads it', () => {
    const { document } = parsed;
    const generated = componentSchemas();
    for (const name of Object.keys(FLEET_SCHEMAS)) {
      const inDocument = document!.components().schemas().get(name);
      expect(inDocument, name).toBeDefined();
      expect(withoutParserTags(inDocument!.json()), name).toEqual(generated[name]);
    }
  });

  it('every message example validates with zod', () => {
    const { document } = parsed;
    const messages = document!.components().messages().all();
    expect(messages.map((m) => m.id()).sort()).toEqual(Object.keys(FLEET_SCHEMAS).sort());
    for (const message of messages) {
      const schema = FLEET_SCHEMAS[message.id() as keyof typeof FLEET_SCHEMAS];
      const examples = message.examples().all();
      expect(examples.length, message.id()).toBeGreaterThan(0);
      for (const ex of examples) {
        const r = schema.safeParse(ex.payload());
        expect(r.success, `${message.id()}: ${r.error?.message}`).toBe(true);
      }
    }
  });

  it('every state payload has a boolean online; a state without it, or with a stray field, is refused', () => {
    expect(TerminalState.safeParse({ ...EXAMPLES.TerminalState, online: 'yes' }).success).toBe(false);
    const { online: _o, ...noOnline } = EXAMPLES.TerminalState;
    expect(TerminalState.safeParse(noOnline).success).toBe(false);
    expect(TerminalState.safeParse({ ...EXAMPLES.TerminalState, residentName: 'x' }).success).toBe(false);
    expect(componentSchemas().TerminalState!.required).toContain('online');
  });
});
