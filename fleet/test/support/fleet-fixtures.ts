// Synthetic terminals for fleet tests: a development config per id (one PIN hash shared, scrypt is slow) and
// a console-side inbox that validates every message with the fleet schemas, as the console does.
import type { MqttClient } from 'mqtt';
import { parseConfig } from '@easydo/core/services/config/load';
import type { TerminalConfig } from '@easydo/core/services/config/schema';
import { hashPin } from '@easydo/core/services/config/pin';
import { Alert, CommandAck, Heartbeat, TerminalState, Upload, decode, parseTopic } from '@easydo/core/services/fleet/messages';

let pinHash: string | null = null;

export function terminalConfig(terminalId: string): TerminalConfig {
  pinHash ??= hashPin('86420135');
  return parseConfig({ terminalId, centreName: '测试街道党群服务中心', terminalSecret: 'synthetic-terminal-secret-0001', adminPinHash: pinHash });
}

export const LOCATION = { district: '福田区', street: '测试街道', centre: '测试街道党群服务中心' };

export type Received =
  | { kind: 'state'; terminalId: string; value: TerminalState }
  | { kind: 'heartbeat'; terminalId: string; value: Heartbeat }
  | { kind: 'alerts'; terminalId: string; value: Alert }
  | { kind: 'acks'; terminalId: string; value: CommandAck }
  | { kind: 'uploads'; terminalId: string; value: Upload };

const SCHEMAS = { state: TerminalState, heartbeat: Heartbeat, alerts: Alert, acks: CommandAck, uploads: Upload } as const;

/** Everything the console account receives, decoded and validated; `until` waits for a match. */
export function consoleInbox(client: MqttClient) {
  const seen: Received[] = [];
  const invalid: string[] = [];
  const waiters: Array<{ match: (m: Received) => boolean; resolve: (m: Received) => void }> = [];
  client.on('message', (topic, payload) => {
    const t = parseTopic(topic);
    if (!t || t.kind === 'commands') return;
    let m: Received;
    try {
      m = { kind: t.kind, terminalId: t.terminalId, value: decode(SCHEMAS[t.kind], topic, payload) } as Received;
    } catch (e) {
      invalid.push((e as Error).message);
      return;
    }
    seen.push(m);
    for (const w of [...waiters]) if (w.match(m)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(m);
    }
  });
  return {
    seen,
    invalid,
    until<K extends Received['kind']>(kind: K, match: (v: Extract<Received, { kind: K }>['value']) => boolean = () => true): Promise<Extract<Received, { kind: K }>['value']> {
      const test = (m: Received) => m.kind === kind && match(m.value as never);
      const hit = seen.find(test);
      if (hit) return Promise.resolve(hit.value as never);
      return new Promise((resolve) => waiters.push({ match: test, resolve: (m) => resolve(m.value as never) }));
    },
  };
}
