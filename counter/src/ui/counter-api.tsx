// The counter screens' access to the contract: every call goes through `invoke`, which notices when main has
// signed the clerk out (idle, or the window was reloaded) and takes the screen back to the sign-in form.
import { createContext, useCallback, useContext } from 'react';
import type { ChannelName, ChannelRequest, ChannelResponse } from '@easydo/core/contract/channels';
import type { Result } from '@easydo/core/contract/errors';
import type { ClerkView } from '@easydo/core/contract/schemas/counter-clerk';
import { useTerminal } from '@easydo/core/ui/terminal-context';

export type CounterInvoke = <C extends ChannelName>(channel: C, request: ChannelRequest<C>) => Promise<Result<ChannelResponse<C>>>;

export interface CounterSession {
  clerk: ClerkView;
  invoke: CounterInvoke;
}

export const CounterSessionContext = createContext<CounterSession | null>(null);

export function useCounter(): CounterSession {
  const s = useContext(CounterSessionContext);
  if (!s) throw new Error('CounterSessionContext missing');
  return s;
}

export function useCounterInvoke(onSignedOut: () => void): CounterInvoke {
  const api = useTerminal();
  return useCallback(
    (async (channel, request) => {
      const r = await api.invoke(channel, request);
      if (!r.ok && r.error.reason === 'signed-out') onSignedOut();
      return r;
    }) as CounterInvoke,
    [api, onSignedOut],
  );
}
