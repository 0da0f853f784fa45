// Runs one admin action and keeps its outcome for the screen: running, the answer, or the typed error.
import { useCallback, useState } from 'react';
import type { ContractError, Result } from '@easydo/core/contract/errors';

export interface ActionState<T> {
  running: boolean;
  value: T | null;
  error: ContractError | null;
}

export function useAction<A extends unknown[], T>(run: (...args: A) => Promise<Result<T>>) {
  const [state, setState] = useState<ActionState<T>>({ running: false, value: null, error: null });
  const start = useCallback(
    async (...args: A) => {
      setState({ running: true, value: null, error: null });
      const r = await run(...args);
      setState(r.ok ? { running: false, value: r.value, error: null } : { running: false, value: null, error: r.error });
      return r;
    },
    [run],
  );
  return [state, start] as const;
}
