// Identity's wiring listens for the session's end (to cancel a scan); closing it stops listening.
import { describe, expect, it, vi } from 'vitest';
import { wireIdentity } from '../../src/services/identity/wire';
import { SessionManager } from '../../src/services/session/session-manager';
import { simulatorDefaults } from '../../src/services/config/load';
import { createBackendClient } from '@easydo/backend-client/client';

describe('wireIdentity close', () => {
  it('a session that ends after close() no longer reaches the desk', async () => {
    const sessions = new SessionManager();
    const config = simulatorDefaults();
    // Nothing is sent: the desk only listens for the session's end here.
    const client = createBackendClient({ baseUrl: 'http://127.0.0.1:9', terminalId: config.terminalId, secret: config.terminalSecret });
    const wiring = wireIdentity({ sessions, backend: { client, sandbox: null }, config: () => config }, null);
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
