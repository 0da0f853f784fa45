// Identity's wiring listens for the session's end (to cancel a scan); closing it stops listening.
import { describe, expect, it, vi } from 'vitest';
import { wireIdentity } from '../../src/services/identity/wire';
import { SessionManager } from '../../src/services/session/session-manager';
import type { TerminalContext } from '../../src/services/terminal/context';

describe('wireIdentity close', () => {
  it('a session that ends after close() no longer reaches the desk', async () => {
    const sessions = new SessionManager();
    const ctx = { sessions, backend: { client: {} }, config: () => ({}) } as unknown as TerminalContext;
    const wiring = wireIdentity(ctx, null);
    const cancel = vi.spyOn(wiring.desk, 'cancel');
    await sessions.start(null);
    await sessions.end('finished');
    expect(cancel).toHaveBeenCalledTimes(1);

    wiring.close();
    const afterClose = cancel.mock.calls.length;
    await sessions.start(null);
    await sessions.end('finished');
    expect(cancel).toHaveBeenCalledTimes(afterClose);
  });
});
