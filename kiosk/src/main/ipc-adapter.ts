// Electron's side of the window host: every contract channel on ipcMain through one wrapper (the sending frame must
// be ours; the window is found by the sender's webContents id; the host routes with the mode main holds), and
// events to a window on eventChannel(name) (core/contract/event-channel.ts), which is what the preload listens to.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNEL_NAMES } from '@easydo/core/contract/channels';
import { eventChannel } from '@easydo/core/contract/event-channel';
import type { Result } from '@easydo/core/contract/errors';
import type { WindowHost, WindowSink } from './window-host';
import { isTrustedUrl } from './trusted-url';

export function registerContract(ipcMain: Pick<IpcMain, 'handle'>, host: WindowHost, trustedOrigins: readonly string[]): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown): Promise<Result<unknown>> => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(frameUrl, trustedOrigins)) {
        return { ok: false, error: { code: 'forbidden', message: 'Untrusted sender' } };
      }
      const window = host.get(String(event.sender.id));
      if (!window) return { ok: false, error: { code: 'forbidden', message: 'Unknown window' } };
      return window.invoke(channel, payload);
    });
  }
}

/** Events for one window's webContents; nothing is sent once it is destroyed. */
export function webContentsSink(contents: Pick<WebContents, 'send' | 'isDestroyed'>): WindowSink {
  return {
    send(name, payload) {
      if (!contents.isDestroyed()) contents.send(eventChannel(name), payload);
    },
  };
}
