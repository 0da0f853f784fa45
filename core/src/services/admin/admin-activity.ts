// What counts as an admin being active: any call from a window in admin mode, except the views the admin screens
// refresh on a timer by themselves (a dashboard left open must not keep a walked-away admin logged in).
import type { ChannelName } from '@easydo/core/contract/channels';
import type { Handler, HandlersFor } from '../ipc/router';
import type { AdminGate } from './admin-gate';

export const PASSIVE_CHANNELS: ReadonlySet<string> = new Set(['admin:dashboard', 'admin:history', 'terminal:info', 'devices:list', 'service:state']);

export function withAdminActivity<T extends Partial<HandlersFor<ChannelName>>>(gate: AdminGate, handlers: T): T {
  const wrapped: Record<string, Handler<ChannelName>> = {};
  for (const [channel, handler] of Object.entries(handlers) as Array<[string, Handler<ChannelName>]>) {
    wrapped[channel] = PASSIVE_CHANNELS.has(channel)
      ? handler
      : (req, caller) => {
          gate.touch(caller.windowId);
          return handler(req, caller);
        };
  }
  return wrapped as T;
}
