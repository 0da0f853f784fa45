// Element's pattern: one platform decision at start-up. Inside Electron the preload has put window.terminal
// there; in a plain browser (the browser shell) we build the same API over the WebSocket bridge.
import type { TerminalApi } from '@easydo/core/contract/api';
import { createBridgeClient } from './bridge-client';

export function resolveTerminalApi(): TerminalApi {
  const injected = (window as unknown as { terminal?: TerminalApi }).terminal;
  return injected ?? createBridgeClient(window.location, window.history);
}
