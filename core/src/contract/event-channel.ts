// The one place that names the IPC channel an event travels on from main to a window: `event:<name>`. Electron
// main sends on it (kiosk/src/main/ipc-adapter.ts) and the preload listens on it (kiosk/src/preload/index.ts).
import type { EventName } from './channels';

export function eventChannel(name: EventName): `event:${EventName}` {
  return `event:${name}`;
}
