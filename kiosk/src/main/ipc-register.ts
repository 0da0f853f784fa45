// Registers every contract channel on ipcMain through one wrapper: the sending frame must be ours, the mode is
// looked up in main by the sender's id, and the router validates and checks roles. Events go out only to
// windows whose current mode may receive them.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNEL_NAMES, type EventName } from '@easydo/core/contract/channels';
import type { Result } from '@easydo/core/contract/errors';
import type { Router } from '@easydo/core/services/ipc/router';
import type { ModeRegistry } from '@easydo/core/services/ipc/caller';
import { deliverableTo, type EventHub } from '@easydo/core/services/ipc/event-hub';
import { isTrustedUrl } from './trusted-url';

export const eventChannel = (name: EventName) => `event:${name}`;

export function registerContract(
  ipcMain: Pick<IpcMain, 'handle'>,
  router: Router,
  modes: ModeRegistry,
  trustedOrigins: readonly string[],
): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown): Promise<Result<unknown>> => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(frameUrl, trustedOrigins)) {
        return { ok: false, error: { code: 'forbidden', message: 'Untrusted sender' } };
      }
      const windowId = String(event.sender.id);
      let mode;
      try {
        mode = modes.get(windowId);
      } catch {
        return { ok: false, error: { code: 'forbidden', message: 'Unknown window' } };
      }
      return router.invoke({ windowId, mode: () => modes.get(windowId) ?? mode }, channel, payload);
    });
  }
}

export function forwardEvents(hub: EventHub, modes: ModeRegistry, contentsById: (id: string) => WebContents | undefined): () => void {
  return hub.subscribe((name, payload) => {
    for (const windowId of modes.windows()) {
      if (!deliverableTo(name, modes.get(windowId))) continue;
      const contents = contentsById(windowId);
      if (contents && !contents.isDestroyed()) contents.send(eventChannel(name), payload);
    }
  });
}
