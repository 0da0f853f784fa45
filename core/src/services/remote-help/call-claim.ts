// Who may hold the call screen's camera/microphone claim (ModeRegistry.setCallActive). The page asks when its
// call screen opens, but main grants it only while this terminal really has a call for that window's mode: the
// resident desk's call connecting, waiting or connected (kiosk), the clerk's call connected (counter). When that
// call ends (hang-up, the other side, the network, the session), every claim of that mode is dropped here,
// whatever the page does next.
import type { EventName } from '@easydo/core/contract/channels';
import type { HelpCallState, HelperCallState } from '@easydo/core/contract/schemas/remote-help';
import type { CallerContext, ModeRegistry } from '../ipc/caller';
import type { EventHub } from '../ipc/event-hub';
import { Failure } from '../errors/failure';

type CallMode = 'kiosk' | 'counter';
const RESIDENT_LIVE: ReadonlySet<HelpCallState['phase']> = new Set(['connecting', 'waiting', 'connected']);

export class CallClaim {
  private readonly live: Record<CallMode, boolean> = { kiosk: false, counter: false };

  constructor(private readonly modes: Pick<ModeRegistry, 'windows' | 'get' | 'setCallActive'>) {}

  /** Follows both desks' call states through the event hub (each desk announces every change there). */
  watch(hub: EventHub): () => void {
    return hub.subscribe((name, payload) => this.observe(name, payload));
  }

  observe(name: EventName, payload: unknown): void {
    if (name === 'help:changed') this.update('kiosk', RESIDENT_LIVE.has((payload as HelpCallState).phase));
    else if (name === 'helper:callChanged') this.update('counter', (payload as HelperCallState).phase === 'connected');
  }

  /** The page's call screen opened (active) or closed. Opening is refused without a live call for its mode. */
  request(caller: CallerContext, active: boolean): void {
    if (!active) return this.modes.setCallActive(caller.windowId, false);
    const mode = caller.mode();
    if ((mode !== 'kiosk' && mode !== 'counter') || !this.live[mode]) throw new Failure('state', 'no call in progress', 'not-found');
    this.modes.setCallActive(caller.windowId, true);
  }

  private update(mode: CallMode, live: boolean): void {
    this.live[mode] = live;
    if (live) return;
    for (const w of this.modes.windows()) if (this.modes.get(w) === mode) this.modes.setCallActive(w, false);
  }
}
