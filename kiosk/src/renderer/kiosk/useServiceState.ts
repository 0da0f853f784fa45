import { useCallback, useEffect, useState } from 'react';
import type { ServiceState } from '@easydo/core/contract/schemas/device';
import { useEvent, useQuery } from '@easydo/core/ui/terminal-context';

export function useServiceState(): ServiceState | undefined {
  const initial = useQuery('service:state', {});
  const [state, setState] = useState<ServiceState | undefined>();
  useEffect(() => setState(initial.data), [initial.data]);
  useEvent('service:changed', useCallback((s: ServiceState) => setState(s), []));
  return state;
}
