// The live feed (Server-Sent Events from /api/events): one EventSource per signed-in page, reconnecting by itself.
import { useEffect, useRef } from 'react';
import type { ActionStatus, AlertItem, CommandItem } from './api';

export interface LiveHandlers {
  alert?: (a: AlertItem) => void;
  command?: (c: CommandItem) => void;
  terminals?: (ids: string[]) => void;
  action?: (a: ActionStatus) => void;
}

export function useLiveFeed(enabled: boolean, handlers: LiveHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource('/api/events');
    const on = <T,>(name: string, fn: (v: T) => void) => source.addEventListener(name, (e) => fn(JSON.parse((e as MessageEvent<string>).data) as T));
    on<AlertItem>('alert', (a) => ref.current.alert?.(a));
    on<CommandItem>('command', (c) => ref.current.command?.(c));
    on<{ terminalIds: string[] }>('terminals', (t) => ref.current.terminals?.(t.terminalIds));
    on<ActionStatus>('action', (a) => ref.current.action?.(a));
    return () => source.close();
  }, [enabled]);
}
