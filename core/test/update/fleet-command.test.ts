// The fleet's updateCheck command reaches the update agent through the command runner (acked received, then done
// with the agent's step), and is `unsupported` on a terminal without an update channel.
import { describe, expect, it } from 'vitest';
import { CommandRunner } from '@easydo/core/services/fleet/command-runner';
import { CommandLedger } from '@easydo/core/services/fleet/command-ledger';
import type { CommandAck } from '@easydo/core/services/fleet/messages';
import type { FleetPorts } from '@easydo/core/services/fleet/ports';

const now = new Date('2026-12-02T03:00:00+08:00');
const command = (id: string) => Buffer.from(JSON.stringify({ id, name: 'updateCheck', args: {}, issuedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 60_000).toISOString(), issuedBy: 'op-1' }));

function runner(update?: FleetPorts['update']) {
  const acks: CommandAck[] = [];
  const ports = { update } as unknown as FleetPorts; // updateCheck touches nothing else
  const r = new CommandRunner('SZ-T-0001', ports, new CommandLedger({ file: null }), { ack: async (a) => void acks.push(a), upload: async () => undefined, stateChanged: () => undefined }, () => now);
  return { r, acks };
}

describe('updateCheck command', () => {
  it('runs one check of the agent', async () => {
    let checks = 0;
    const { r, acks } = runner({ check: async () => (checks++, { step: 'pending', reason: 'ringNotOpen' }) });
    await r.receive('easydo/v1/terminals/SZ-T-0001/commands', command('cmd-update-0001'));
    expect(checks).toBe(1);
    expect(acks.map((a) => a.status)).toEqual(['received', 'done']);
    expect(acks[1]!.reason).toBe('update pending: ringNotOpen');
    // Redelivered: not run twice.
    await r.receive('easydo/v1/terminals/SZ-T-0001/commands', command('cmd-update-0001'));
    expect(checks).toBe(1);
  });

  it('is unsupported without an update channel', async () => {
    const { r, acks } = runner();
    await r.receive('easydo/v1/terminals/SZ-T-0001/commands', command('cmd-update-0002'));
    expect(acks.at(-1)).toMatchObject({ status: 'unsupported' });
  });
});
