// The shape of `window.terminal`: what the preload (Electron) and the browser bridge both provide.
// Actual Budget's pattern: both implementations are checked against this one type.
import type { ChannelName, ChannelRequest, ChannelResponse, EventName, EventPayload } from './channels';
import type { Result } from './errors';

export interface TerminalApi {
  invoke<C extends ChannelName>(channel: C, request: ChannelRequest<C>): Promise<Result<ChannelResponse<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Name of the global the preload exposes. */
export const TERMINAL_GLOBAL = 'terminal';
