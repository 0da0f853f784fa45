// Messages between the load test and its agent and console processes (child processes over Node's IPC channel).
import { createHmac } from 'node:crypto';

export interface WorkerStart {
  type: 'start';
  ids: string[];
  brokerUrl: string;
  /** Per-terminal passwords are derived from this secret (HMAC of the id), so 10,000 need not travel. */
  passwordSecret: string | null;
  /** The same password for every terminal (an external test broker). */
  sharedPassword: string | null;
  ca: string | null;
  heartbeatSeconds: number;
  connectPerSecond: number;
  connectTimeoutMs: number;
}

export type ToWorker =
  | WorkerStart
  | { type: 'alerts'; windowMs: number; clearAfterMs: number }
  | { type: 'report' }
  | { type: 'stop' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; connected: number; started: number }
  | { type: 'report'; connected: number; raised: string[]; acked: string[]; /** Raised alerts acknowledged by the broker (PUBACK) while connected: ms from the alert's `at`. */ ackMs: number[]; reconnectAttempts: number; heartbeatsSent: number; rssBytes: number; cpuMs: number }
  | { type: 'stopped' };

export type ToConsole =
  | { type: 'start'; brokerUrl: string; username: string; password: string | undefined; sharedGroup: string | null; operator: { username: string; password: string } }
  | { type: 'usage' }
  | { type: 'stop' };

export type FromConsole =
  | { type: 'ready' }
  | { type: 'started'; url: string }
  | { type: 'usage'; cpuPercent: number; rssBytes: number; received: number; rejected: number; brokerConnected: boolean; specViolations: number }
  | { type: 'stopped' };

export function terminalPassword(secret: string, id: string): string {
  return createHmac('sha256', secret).update(id).digest('hex').slice(0, 32);
}

/** An alert as both ends count it: raised or cleared. */
export const alertKey = (id: string, cleared: boolean | undefined) => `${id}|${cleared ? 'c' : 'r'}`;
