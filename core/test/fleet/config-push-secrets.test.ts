// A configPush never carries the update channel or a TURN credential; the config's public view (what a screen
// and a push are built on) leaves the TURN credential out, and a save keeps it while the server stays the same.
import { describe, expect, it } from 'vitest';
import { CommandRunner } from '@easydo/core/services/fleet/command-runner';
import { CommandLedger } from '@easydo/core/services/fleet/command-ledger';
import type { CommandAck } from '@easydo/core/services/fleet/messages';
import type { FleetPorts } from '@easydo/core/services/fleet/ports';
import { publicView } from '@easydo/core/services/config/public-view';
import { ConfigStore } from '@easydo/core/services/config/config-store';
import { parseConfig, simulatorDefaults } from '@easydo/core/services/config/load';

const now = new Date('2026-12-02T03:00:00+08:00');
const push = (id: string, values: Record<string, unknown>) =>
  Buffer.from(JSON.stringify({ id, name: 'configPush', args: { values }, issuedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 60_000).toISOString(), issuedBy: 'op-1' }));
const topic = 'easydo/v1/terminals/SZ-T-0001/commands';

function runner() {
  const acks: CommandAck[] = [];
  let pushes = 0;
  const ports = {
    sessions: { isOpen: () => false, started: () => 0, onChange: () => () => undefined },
    config: { version: () => 'v1', push: async () => (pushes++, { applied: [], restartNeeded: [] }), rollback: async () => undefined },
  } as unknown as FleetPorts;
  const r = new CommandRunner('SZ-T-0001', ports, new CommandLedger({ file: null }), { ack: async (a) => void acks.push(a), upload: async () => undefined, stateChanged: () => undefined }, () => now);
  return { r, acks, pushes: () => pushes };
}

const withTurn = () =>
  parseConfig({ ...simulatorDefaults(), remoteHelp: { iceServers: [{ urls: ['turns:turn.example.invalid:5349'], username: 'hall', credential: 'turn-secret-1' }] } });

describe('configPush: terminal-only settings', () => {
  it('refuses update.* and a TURN credential, pushing nothing', async () => {
    const { r, acks, pushes } = runner();
    await r.receive(topic, push('cmd-push-0001', { update: { feedUrl: 'https://feed.example.invalid/' } }));
    expect(acks.at(-1)).toMatchObject({ status: 'refused', issues: [{ path: 'update' }] });
    await r.receive(topic, push('cmd-push-0002', { remoteHelp: { iceServers: [{ urls: ['turns:t.example.invalid'], username: 'u', credential: 'x' }] } }));
    expect(acks.at(-1)).toMatchObject({ status: 'refused', issues: [{ path: 'remoteHelp.iceServers.0.credential' }] });
    expect(pushes()).toBe(0);
    await r.receive(topic, push('cmd-push-0003', { session: { idleWarningSeconds: 90 } }));
    expect(acks.at(-1)).toMatchObject({ status: 'done' });
    expect(pushes()).toBe(1);
  });
});

describe('TURN credential in the config views', () => {
  it('the public view leaves it out; saving the view keeps it; a changed server drops it', () => {
    const live = withTurn();
    const view = publicView(live);
    expect(JSON.stringify(view)).not.toContain('turn-secret-1');
    const store = new ConfigStore({ live, file: null });
    store.save({ values: { ...view, centreName: '南山区粤海街道党群服务中心' } as unknown as Record<string, unknown> });
    expect(live.remoteHelp?.iceServers[0]?.credential).toBe('turn-secret-1');

    store.save({ values: { ...publicView(live), remoteHelp: { iceServers: [{ urls: ['turns:other.example.invalid:5349'], username: 'hall' }] } } as unknown as Record<string, unknown> });
    expect(live.remoteHelp?.iceServers[0]?.credential).toBeUndefined();
  });
});
