// The AsyncAPI 3 document of the platform's remote-help signalling (backend-client/remote-help.asyncapi.yaml),
// seen from a terminal: it sends ClientMessage variants and receives ServerMessage variants on one WebSocket.
// Every message's payload schema is generated from the zod schemas in messages.ts, so the document and the code
// cannot drift (backend-client/test/remote-help/asyncapi.test.ts checks the file is this output and lints it).
// Write it with: npx tsx backend-client/scripts/remote-help-asyncapi.ts
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { z } from 'zod';
import { ClientMessage, MAX_MESSAGE_BYTES, REMOTE_HELP_PATH, ServerMessage } from './messages';

export const REMOTE_HELP_ASYNCAPI_FILE = fileURLToPath(new URL('../../remote-help.asyncapi.yaml', import.meta.url));
const HEADER = '# Generated from backend-client/src/remote-help/asyncapi-document.ts (npx tsx backend-client/scripts/remote-help-asyncapi.ts); do not edit by hand.\n';

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.jsonSchema.format === 'date-time') delete ctx.jsonSchema.pattern;
    },
  }) as Record<string, unknown>;
  const { $schema: _drop, ...rest } = generated;
  return rest;
}

/** `call.request` → `CallRequest`. */
const messageName = (type: string) => type.split('.').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

function variants(union: z.ZodDiscriminatedUnion): Array<{ type: string; schema: z.ZodType }> {
  return union.options.map((o) => {
    const shape = (o as z.ZodObject).shape as Record<string, z.ZodType>;
    const literal = shape['type'] as z.ZodLiteral<string>;
    return { type: String(literal.value), schema: o as z.ZodType };
  });
}

export function remoteHelpAsyncApi(): Record<string, unknown> {
  const messages: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  const refs = { send: [] as string[], receive: [] as string[] };
  for (const [action, union] of [['send', ClientMessage], ['receive', ServerMessage]] as const) {
    for (const v of variants(union as unknown as z.ZodDiscriminatedUnion)) {
      const name = `${action === 'send' ? 'To' : 'From'}Platform${messageName(v.type)}`;
      schemas[name] = jsonSchemaOf(v.schema);
      messages[name] = { name, title: v.type, contentType: 'application/json', payload: { $ref: `#/components/schemas/${name}` } };
      refs[action].push(name);
    }
  }
  const channelMessages = Object.fromEntries(Object.keys(messages).map((m) => [m, { $ref: `#/components/messages/${m}` }]));
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Easy-Do remote help signalling (远程视频帮办)',
      version: '1.0.0',
      description: [
        'One WebSocket per terminal to the unified acceptance platform. A kiosk sends `call.request` after the resident agreed; every counter whose clerk sent `helper.available` receives the `queue` of waiting calls; one clerk sends `call.answer` and the platform pairs the two terminals. From then on it relays `call.signal` (WebRTC offer/answer/ICE and media fallbacks; the media itself goes browser to browser) and `call.help` (the kiosk\'s masked view; the clerk\'s highlight, suggestion and page pre-check; chat both ways), and ends the call on `call.end`, `call.cancel` or a dropped line (`network`).',
        'Privacy: a view carries only masked card values (the schema refuses a value without a mask character or with a run of 7+ digits), never the card photo or a page image. The platform stores only the call\'s times and rating; nothing of a call is recorded.',
        `Both ends validate every message against these schemas (backend-client/src/remote-help/messages.ts, generated into this document); a frame larger than ${MAX_MESSAGE_BYTES} bytes is refused.`,
      ].join('\n\n'),
    },
    defaultContentType: 'application/json',
    servers: {
      production: { host: 'acceptance.example.gov.cn', pathname: REMOTE_HELP_PATH, protocol: 'wss', security: [{ $ref: '#/components/securitySchemes/terminalSignature' }] },
      development: { host: '127.0.0.1:8787', pathname: REMOTE_HELP_PATH, protocol: 'ws', description: 'The sandbox (npm run sandbox, or embedded in npm start).', security: [{ $ref: '#/components/securitySchemes/terminalSignature' }] },
    },
    channels: {
      socket: {
        address: REMOTE_HELP_PATH,
        messages: channelMessages,
        bindings: { ws: { method: 'GET', bindingVersion: '0.1.0' } },
      },
    },
    operations: {
      sendToPlatform: {
        action: 'send',
        channel: { $ref: '#/channels/socket' },
        summary: 'What a terminal sends: kiosks ask, cancel, rate; counters offer and answer; both signal, help and end.',
        messages: refs.send.map((m) => ({ $ref: `#/channels/socket/messages/${m}` })),
      },
      receiveFromPlatform: {
        action: 'receive',
        channel: { $ref: '#/channels/socket' },
        summary: 'What the platform sends a terminal: ready, the queue, the call\'s progress, relayed signals and help, errors.',
        messages: refs.receive.map((m) => ({ $ref: `#/channels/socket/messages/${m}` })),
      },
    },
    components: {
      messages,
      schemas,
      securitySchemes: {
        terminalSignature: {
          type: 'httpApiKey',
          name: 'x-signature',
          in: 'header',
          description: 'The upgrade request is signed like every platform request (signing version 2, openapi.yaml `TerminalSignature`): GET of the socket path with an empty body, headers x-terminal-id, x-timestamp, x-nonce, x-signature-version, x-signed-headers, x-signature. Clerks are then identified by their platform token (clerkLogin) inside `helper.available` and `call.answer`, never by a staff id.',
        },
      },
    },
  };
}

export function renderRemoteHelpAsyncApi(): string {
  return HEADER + stringify(remoteHelpAsyncApi(), { lineWidth: 0 });
}
