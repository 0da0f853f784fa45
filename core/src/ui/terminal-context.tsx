// React access to window.terminal (Electron preload or the browser bridge). Screens call the contract through
// these hooks only; they never know which platform they run on.
import { createContext, useContext, useEffect, useState } from 'react';
import type { TerminalApi } from '@easydo/core/contract/api';
import type { ChannelName, ChannelRequest, ChannelResponse, EventName, EventPayload } from '@easydo/core/contract/channels';
import type { ContractError } from '@easydo/core/contract/errors';

export const TerminalContext = createContext<TerminalApi | null>(null);

export function useTerminal(): TerminalApi {
  const api = useContext(TerminalContext);
  if (!api) throw new Error('TerminalContext missing');
  return api;
}

/** Error thrown by call() so screens can show the contract's message and branch on its code. */
export class CallError extends Error {
  constructor(readonly error: ContractError) {
    super(error.message);
    this.name = 'CallError';
  }
}

export async function call<C extends ChannelName>(api: TerminalApi, channel: C, request: ChannelRequest<C>): Promise<ChannelResponse<C>> {
  const result = await api.invoke(channel, request);
  if (!result.ok) throw new CallError(result.error);
  return result.value;
}

export function useEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): void {
  const api = useTerminal();
  useEffect(() => api.on(name, listener), [api, name, listener]);
}

/** Load a channel's answer once (and again when `deps` change); `reload` refetches. */
export function useQuery<C extends ChannelName>(channel: C, request: ChannelRequest<C>, deps: unknown[] = []) {
  const api = useTerminal();
  const [state, setState] = useState<{ data?: ChannelResponse<C>; error?: ContractError; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api.invoke(channel, request).then((r) => {
      if (!live) return;
      setState(r.ok ? { data: r.value, loading: false } : { error: r.error, loading: false });
    });
    return () => {
      live = false;
    };
    // `request` is compared through deps on purpose: callers pass literals.
  }, [api, channel, tick, ...deps]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}
