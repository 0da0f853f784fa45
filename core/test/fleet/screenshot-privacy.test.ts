// A fleet screenshot is refused while a visit is open (its screen shows personal data), like configPush; it
// is taken and uploaded when the terminal is idle.
import { describe, expect, it } from 'vitest';
import { COMMAND_REFUSALS, CommandRunner } from '@easydo/core/services/fleet/command-runner';
import { CommandLedger } from '@easydo/core/services/fleet/command-ledger';
import type { CommandAck, Upload } from '@easydo/core/services/fleet/messages';
import type { FleetPorts } from '@easydo/core/services/fleet/ports';

const now = new Date('2026-12-02T03:00:00+08:00');
const command = (id: string) => Buffer.from(JSON.stringify({ id, name: 'screenshot', args: {}, issuedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 60_000).toISOString(), issuedBy: 'op-1' }));
const topic = 'easydo/v1/terminals/SZ-T-0001/commands';

function runner(open: { value: boolean }) {
  const acks: CommandAck[] = [];
  const uploads: Upload[] = [];
  let shots = 0;
  const ports = {
    sessions: { isOpen: () => open.value, started: () => 0, onChange: () => () => undefined },
    window: { reloadRenderer: async () => undefined, restartApp: async () => undefined, screenshot: async () => (shots++, new Uint8Array([0x89, 0x50, 0x4e, 0x47])) },
  } as unknown as FleetPorts;
  const r = new CommandRunner('SZ-T-0001', ports, new CommandLedger({ file: null }), { ack: async (a) => void acks.push(a), upload: async (u) => void uploads.push(u), stateChanged: () => undefined }, () => now);
  return { r, acks, uploads, shots: () => shots };
}

describe('screenshot command', () => {
  it('is refused while a session is open: no capture, no upload', async () => {
    const { r, acks, uploads, shots } = runner({ value: true });
    await r.receive(topic, command('cmd-shot-0001'));
    expect(acks.at(-1)).toMatchObject({ status: 'refused', reason: COMMAND_REFUSALS.sessionOpen });
    expect(shots()).toBe(0);
    expect(uploads).toEqual([]);
  });

  it('is taken and uploaded when the terminal is idle', async () => {
    const { r, acks, uploads, shots } = runner({ value: false });
    await r.receive(topic, command('cmd-shot-0002'));
    expect(acks.at(-1)).toMatchObject({ status: 'done' });
    expect(shots()).toBe(1);
    expect(uploads).toHaveLength(1);
  });
});
