// The preload exposes exactly the contract as window.terminal: one ipcRenderer.invoke per channel name from the
// table, one ipcRenderer.on per event name; nothing else (never ipcRenderer itself). Bundled to one CJS file,
// since a sandboxed preload may require only 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import { isChannelName, isEventName } from '@easydo/core/contract/channels';
import { eventChannel } from '@easydo/core/contract/event-channel';
import { TERMINAL_GLOBAL, type TerminalApi } from '@easydo/core/contract/api';

const api: TerminalApi = {
  invoke(channel, request) {
    if (!isChannelName(channel)) return Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'Unknown channel' } });
    return ipcRenderer.invoke(channel, request);
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error('Unknown event');
    const wrapped = (_e: unknown, payload: unknown) => listener(payload as never);
    const channel = eventChannel(event);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld(TERMINAL_GLOBAL, api);
