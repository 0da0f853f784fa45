// A screen that uses the camera says so while it is mounted: Electron grants the camera only to a window
// whose capture screen is showing (kiosk/src/main/permissions.ts).
import { useEffect } from 'react';
import { useTerminal } from './terminal-context';

export function useCaptureScreen(active = true): void {
  const api = useTerminal();
  useEffect(() => {
    if (!active) return;
    void api.invoke('ui:captureScreen', { active: true });
    return () => void api.invoke('ui:captureScreen', { active: false });
  }, [api, active]);
}
