// The AsyncAPI 3 document of the fleet's topic tree (backend-client/asyncapi.yaml), seen from the terminal agent:
// it sends state, heartbeat, alerts, acks and uploads, and receives commands. Channels and operations are written
// here by hand; the payload schemas are generated from the zod schemas in messages.ts and the examples from
// examples.ts, so the document and the code cannot drift (core/test/fleet/asyncapi.test.ts checks the file is this
// output, lints it with @asyncapi/parser, and validates every example with zod).
// Write it with: npx tsx core/src/services/fleet/asyncapi-cli.ts
import { z } from 'zod';
import { COMMAND_ARGS, FLEET_SCHEMAS, MAX_UPLOAD_BYTES, TOPIC_ROOT } from './messages';
import { EXAMPLES } from './examples';

const MQTT_BINDING = '0.2.0';

/** JSON Schema of a zod schema as the document embeds it. A date-time keeps `format` and drops zod's long regex. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'input',
    override: (ctx) => {
      if (ctx.jsonSchema.format === 'date-time') delete ctx.jsonSchema.pattern;
    },
  }) as Record<string, unknown>;
  const { $schema: _drop, ...rest } = generated;
  return rest;
}

const argsSchemaName = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}Args`;

/** components.schemas: every payload plus the arguments of every command. */
export function componentSchemas(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, schema] of Object.entries(FLEET_SCHEMAS)) out[name] = jsonSchemaOf(schema);
  for (const [name, schema] of Object.entries(COMMAND_ARGS)) out[argsSchemaName(name)] = jsonSchemaOf(schema);
  return out;
}

interface ChannelSpec {
  message: keyof typeof FLEET_SCHEMAS;
  suffix: string;
  description: string;
  action: 'send' | 'receive';
  qos: 0 | 1;
  retain: boolean;
  summary: string;
}

const CHANNELS: Record<string, ChannelSpec> = {
  state: {
    message: 'TerminalState',
    suffix: 'state',
    description: 'Retained. The last word of every terminal: online or not, service state, versions, where it stands. The Last Will is this message with `online: false` (also retained), so a terminal that drops off the network shows offline without saying so.',
    action: 'send',
    qos: 1,
    retain: true,
    summary: 'Publish the terminal state (on connect, on every service or config change, and offline on a clean stop).',
  },
  heartbeat: {
    message: 'Heartbeat',
    suffix: 'heartbeat',
    description: 'Periodic (config `fleet.heartbeatSeconds`, a minute by default) machine figures: devices, counters, outbox depth, host. Never anything about a resident.',
    action: 'send',
    qos: 0,
    retain: false,
    summary: 'Publish a heartbeat.',
  },
  alerts: {
    message: 'Alert',
    suffix: 'alerts',
    description: 'Raised the moment a device alert or fault appears and cleared (same id, `cleared: true`) when it goes. QoS 1 on a persistent session (clean start false, session expiry a day): an alert raised while the broker is away is queued by the client and delivered after the reconnect.',
    action: 'send',
    qos: 1,
    retain: false,
    summary: 'Publish an alert or its clearing.',
  },
  commands: {
    message: 'Command',
    suffix: 'commands',
    description: `Console to terminal. Each command has an id, an expiry and arguments per name (components.schemas.<Name>Args). The terminal executes a command at most once, even when it is delivered again (seen ids are kept on disk), acks \`expired\` after \`expiresAt\` and \`unsupported\` for a name it does not know. Names: ${Object.keys(COMMAND_ARGS).join(', ')}.`,
    action: 'receive',
    qos: 1,
    retain: false,
    summary: 'Receive a command from the fleet console.',
  },
  acks: {
    message: 'CommandAck',
    suffix: 'acks',
    description: 'The answer to a command: `received` at once, then one of `done`, `refused`, `failed`, `expired`, `unsupported`, with a reason and a result (configPush: the new config version, or the refused fields).',
    action: 'send',
    qos: 1,
    retain: false,
    summary: 'Acknowledge a command and report its result.',
  },
  uploads: {
    message: 'Upload',
    suffix: 'uploads/{commandId}',
    description: `The file a logBundle (redacted diagnostics tar.gz) or screenshot (PNG) command produced, base64, at most ${MAX_UPLOAD_BYTES} bytes before encoding; its ack names it.`,
    action: 'send',
    qos: 1,
    retain: false,
    summary: 'Upload the result file of a command.',
  },
};

export function asyncApiDocument(): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const [id, spec] of Object.entries(CHANNELS)) {
    const messageKey = spec.message.charAt(0).toLowerCase() + spec.message.slice(1);
    channels[id] = {
      address: `${TOPIC_ROOT}/{terminalId}/${spec.suffix}`,
      description: spec.description,
      parameters: {
        terminalId: { description: 'The terminal id (config `terminalId`): the MQTT username / certificate CN the broker ACL binds it to.' },
        ...(spec.suffix.includes('{commandId}') ? { commandId: { description: 'The id of the command whose result this is.' } } : {}),
      },
      messages: { [messageKey]: { $ref: `#/components/messages/${spec.message}` } },
    };
    operations[`${spec.action}${id.charAt(0).toUpperCase()}${id.slice(1)}`] = {
      action: spec.action,
      channel: { $ref: `#/channels/${id}` },
      summary: spec.summary,
      messages: [{ $ref: `#/channels/${id}/messages/${messageKey}` }],
      bindings: { mqtt: { qos: spec.qos, retain: spec.retain, bindingVersion: MQTT_BINDING } },
    };
    messages[spec.message] = {
      name: spec.message,
      contentType: 'application/json',
      payload: { $ref: `#/components/schemas/${spec.message}` },
      examples: [{ name: `${spec.message}Example`, payload: EXAMPLES[spec.message] }],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Easy-Do fleet topics',
      version: '1.0.0',
      description: [
        'MQTT 5 topics between every Easy-Do terminal and the fleet console. Every retained state topic ends in `/state` and its JSON has a boolean `online`.',
        'Broker access: a terminal connects with client id = username = its terminal id (per-terminal password or a client certificate whose CN is the id); the broker ACL lets it write only under `easydo/v1/terminals/<own id>/` (state, heartbeat, alerts, acks, uploads/+) and read only its own `commands`. The console account reads everything under the root and writes `+/commands`.',
        'Both ends validate every payload against these schemas (core/src/services/fleet/messages.ts, generated into this document).',
      ].join('\n\n'),
    },
    defaultContentType: 'application/json',
    servers: {
      production: {
        host: 'fleet-broker.example.gov.cn:8883',
        protocol: 'mqtts',
        description: 'TLS with a per-terminal client certificate (or per-terminal credentials); production refuses a plaintext broker.',
        security: [{ $ref: '#/components/securitySchemes/terminalCertificate' }, { $ref: '#/components/securitySchemes/terminalPassword' }],
        bindings: {
          mqtt: {
            cleanSession: false,
            keepAlive: 30,
            sessionExpiryInterval: 86400,
            lastWill: { topic: `${TOPIC_ROOT}/{terminalId}/state`, qos: 1, retain: true, message: 'TerminalState with online: false' },
            bindingVersion: MQTT_BINDING,
          },
        },
      },
      development: {
        host: 'localhost:1883',
        protocol: 'mqtt',
        description: 'The embedded broker of `npm run fleet` (development only).',
      },
    },
    channels,
    operations,
    components: {
      messages,
      schemas: componentSchemas(),
      securitySchemes: {
        terminalCertificate: { type: 'X509', description: 'Client certificate signed by the fleet CA; CN = terminal id (mosquitto `use_identity_as_username`).' },
        terminalPassword: { type: 'userPassword', description: 'Username = terminal id, a per-terminal password (mosquitto password file).' },
      },
    },
  };
}

export const ASYNCAPI_HEADER = '# Generated from core/src/services/fleet/asyncapi-document.ts (npx tsx core/src/services/fleet/asyncapi-cli.ts); do not edit by hand.\n';
