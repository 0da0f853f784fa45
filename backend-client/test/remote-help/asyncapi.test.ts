// The remote-help AsyncAPI document is valid AsyncAPI 3, is exactly what the zod schemas generate, and its
// masked-value pattern refuses what the zod schema refuses.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';
import { REMOTE_HELP_ASYNCAPI_FILE, renderRemoteHelpAsyncApi } from '../../src/remote-help/asyncapi-document';
import { ClientMessage, MaskedText, ServerMessage } from '../../src/remote-help/messages';

const text = readFileSync(REMOTE_HELP_ASYNCAPI_FILE, 'utf8');

async function parse(source: string) {
  const { document, diagnostics } = await new Parser().parse(source);
  return { document, errors: diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error) };
}

describe('backend-client/remote-help.asyncapi.yaml', () => {
  let parsed: Awaited<ReturnType<typeof parse>>;
  beforeAll(async () => {
    parsed = await parse(text);
  }, 180_000);

  it('is valid AsyncAPI 3 with one message per protocol message', () => {
    expect(parsed.errors.map((e) => `${e.path.join('.')}: ${e.message}`)).toEqual([]);
    expect(parsed.document?.version()).toBe('3.0.0');
    const titles = parsed.document!.components().messages().all().map((m) => m.title());
    expect(titles).toHaveLength(ClientMessage.options.length + ServerMessage.options.length);
    expect(titles).toEqual(expect.arrayContaining(['call.request', 'call.answer', 'call.signal', 'call.help', 'queue', 'call.ended']));
  });

  it('the linter catches a broken document (an operation pointing at a message that does not exist)', { timeout: 180_000 }, async () => {
    const broken = text.replace('$ref: "#/channels/socket/messages/ToPlatformCallRequest"', '$ref: "#/channels/socket/messages/Nowhere"');
    expect(broken).not.toBe(text);
    expect((await parse(broken)).errors.length).toBeGreaterThan(0);
  });

  it('is the output of the zod schemas (regenerate with backend-client/scripts/remote-help-asyncapi.ts)', () => {
    expect(text).toBe(renderRemoteHelpAsyncApi());
  });

  it('says in JSON Schema what zod checks for a masked value', () => {
    const pattern = new RegExp(/pattern: (\^\(\?=.*)$/m.exec(text)![1]!);
    for (const value of ['440304********2469', '卓*', '138****0000', '440304199604122469', '卓岚', '13800138001', '']) {
      expect(pattern.test(value), value).toBe(MaskedText.safeParse(value).success);
    }
  });
});
