// The call screen's camera/microphone claim is main's decision: granted only while the window's mode has a live
// call (the resident's call ringing or connected, the clerk's call connected), and dropped when that call ends.
import { describe, expect, it } from 'vitest';
import type { HelpCallState, HelperCallState } from '@easydo/core/contract/schemas/remote-help';
import { ModeRegistry } from '@easydo/core/services/ipc/caller';
import { EventHub } from '@easydo/core/services/ipc/event-hub';
import { CallClaim } from '@easydo/core/services/remote-help/call-claim';

const resident = (phase: HelpCallState['phase']): HelpCallState => ({ phase, callId: phase === 'idle' ? null : 'call-1', media: 'video', helper: null, helpersAvailable: null, ringSeconds: 90, endReason: phase === 'ended' ? 'helper' : null, canRate: false, recording: 'none' });
const clerk = (phase: HelperCallState['phase']): HelperCallState => ({ phase, callId: phase === 'idle' ? null : 'call-1', call: null, endReason: phase === 'ended' ? 'resident' : null, rating: null });

function setup() {
  const modes = new ModeRegistry();
  const hub = new EventHub();
  const claim = new CallClaim(modes);
  const stop = claim.watch(hub);
  return { modes, hub, claim, stop, kiosk: modes.register('k1', 'kiosk'), counter: modes.register('c1', 'counter'), admin: modes.register('a1', 'admin') };
}

describe('CallClaim', () => {
  it('refuses the claim on the page\'s word alone, with no call for its mode', () => {
    const t = setup();
    expect(() => t.claim.request(t.kiosk, true)).toThrow(expect.objectContaining({ reason: 'not-found' }));
    expect(() => t.claim.request(t.counter, true)).toThrow(/no call/);
    t.hub.emit('help:changed', resident('waiting'));
    // The resident's call does not open the clerk's camera, nor an admin window's.
    expect(() => t.claim.request(t.counter, true)).toThrow(/no call/);
    expect(() => t.claim.request(t.admin, true)).toThrow(/no call/);
    expect(t.modes.callActive('c1') || t.modes.callActive('a1') || t.modes.callActive('k1')).toBe(false);
  });

  it('grants the kiosk while its call rings or is connected and drops it when the call ends or the session goes', () => {
    const t = setup();
    t.hub.emit('help:changed', resident('connecting'));
    t.claim.request(t.kiosk, true);
    expect(t.modes.callActive('k1')).toBe(true);
    t.hub.emit('help:changed', resident('connected'));
    expect(t.modes.callActive('k1')).toBe(true);
    t.hub.emit('help:changed', resident('ended'));
    expect(t.modes.callActive('k1')).toBe(false);
    expect(() => t.claim.request(t.kiosk, true)).toThrow(/no call/);
    t.hub.emit('help:changed', resident('waiting'));
    t.claim.request(t.kiosk, true);
    t.hub.emit('help:changed', resident('idle')); // sessionEnded()
    expect(t.modes.callActive('k1')).toBe(false);
  });

  it('grants the counter only while the clerk\'s call is connected; the page may always let go', () => {
    const t = setup();
    t.hub.emit('helper:callChanged', clerk('connected'));
    t.claim.request(t.counter, true);
    expect(t.modes.callActive('c1')).toBe(true);
    t.claim.request(t.counter, false);
    expect(t.modes.callActive('c1')).toBe(false);
    t.claim.request(t.counter, true);
    t.hub.emit('helper:callChanged', clerk('ended'));
    expect(t.modes.callActive('c1')).toBe(false);
    t.stop();
  });
});
