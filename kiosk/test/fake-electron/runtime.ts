// The fake's process-wide state: configuration from the environment, readiness, the report channel to the test and
// a keep-alive (an Electron process lives until it quits, even with nothing on its event loop).
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FakeReport } from './protocol';

export const env = process.env;
export const packaged = env.FAKE_ELECTRON_PACKAGED === '1';
export const userDataDir = path.resolve(env.FAKE_ELECTRON_USER_DATA ?? path.join(os.tmpdir(), `fake-electron-user-data-${process.pid}`));
mkdirSync(userDataDir, { recursive: true });

const keepAlive = setInterval(() => undefined, 1 << 30);
let isReady = false;
const readyListeners: Array<() => void> = [];

export function ready(): boolean {
  return isReady;
}

export function markReady(): void {
  isReady = true;
  for (const l of readyListeners.splice(0)) l();
}

export function onReady(listener: () => void): void {
  if (isReady) listener();
  else readyListeners.push(listener);
}

export function requireReady(what: string): void {
  if (!isReady) throw new Error(`${what} cannot be used before the app 'ready' event`);
}

export function report(message: FakeReport): void {
  if (process.send && process.connected) process.send(message);
}

const exitHooks: Array<() => void> = [];
export function onExit(hook: () => void): void {
  exitHooks.push(hook);
}

/** Ends the process as Electron would, after the last report reached the test. */
export function exitProcess(code: number): void {
  for (const hook of exitHooks.splice(0)) hook();
  clearInterval(keepAlive);
  const done = () => process.exit(code);
  if (process.send && process.connected) process.send({ type: 'exit', code } satisfies FakeReport, done);
  else done();
}

/** An Electron event object: listeners may call preventDefault(). */
export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  [key: string]: unknown;
}

export function fakeEvent(extra: Record<string, unknown> = {}): FakeEvent {
  const event: FakeEvent = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...extra,
  };
  return event;
}
