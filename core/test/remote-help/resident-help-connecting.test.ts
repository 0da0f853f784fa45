// A call asked for while the platform line is still coming up: if the visit ends (or the resident hangs up)
// before the line is ready, nothing rings at the counters for a visit that is over.
import { describe, expect, it } from 'vitest';
import type { ClientMessage } from '@easydo/backend-client/remote-help/messages';
import type { RemoteHelpSocket } from '@easydo/backend-client/remote-help/socket';
import { ResidentHelpDesk } from '@easydo/core/services/remote-help/resident-help-desk';

function setup() {
  const sent: ClientMessage[] = [];
  let open: () => void = () => undefined;
  let fail: (e: Error) => void = () => undefined;
  const socket: RemoteHelpSocket = {
    connected: false,
    ready: () => new Promise<void>((resolve, reject) => ((open = resolve), (fail = reject))),
    send: (m) => void sent.push(m),
    drop: () => undefined,
    close: () => undefined,
  };
  const desk = new ResidentHelpDesk({
    openSocket: () => socket,
    emit: () => undefined,
    card: () => null,
    centreName: () => '莲花街道党群服务中心',
    timeZone: () => 'Asia/Shanghai',
    ringSeconds: () => 600,
    audit: () => undefined,
  });
  return { desk, sent, open: () => open(), fail: (e: Error) => fail(e) };
}

describe('resident help desk while the line comes up', () => {
  it('does not ring when the session ended before the line was ready', async () => {
    const t = setup();
    const asked = t.desk.request('video', 'zh');
    expect(t.desk.current().phase).toBe('connecting');
    t.desk.sessionEnded();
    t.open();
    expect((await asked).phase).toBe('idle');
    expect(t.sent.filter((m) => m.type === 'call.request')).toEqual([]);
    t.desk.close();
  });

  it('does not ring after the resident hung up while connecting, and a late line failure leaves the ended call alone', async () => {
    const t = setup();
    const asked = t.desk.request('audio', 'en');
    t.desk.hangUp();
    t.open();
    expect(await asked).toMatchObject({ phase: 'ended', endReason: 'resident' });
    expect(t.sent.map((m) => m.type)).toEqual(['call.cancel']);

    t.desk.hangUp(); // back to idle
    const again = t.desk.request('audio', 'en');
    t.desk.sessionEnded();
    t.fail(new Error('timeout'));
    await expect(again).rejects.toMatchObject({ reason: 'unreachable' });
    expect(t.desk.current().phase).toBe('idle');
    t.desk.close();
  });

  it('rings once the line is ready for a call still connecting', async () => {
    const t = setup();
    const asked = t.desk.request('video', 'zh');
    t.open();
    expect((await asked).phase).toBe('waiting');
    expect(t.sent.map((m) => m.type)).toEqual(['call.request']);
    t.desk.close();
  });
});
