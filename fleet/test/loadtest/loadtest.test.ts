// A short load test run in the suite: 200 real agents against the load test's own Mosquitto, killed and
// restarted, measured through the real console's API (its live feed and REST). It asserts what must hold at any speed (every terminal connected and back, no alert lost, the JSON
// line complete and consistent); the timings are printed figures, not assertions.
import { describe, expect, it, vi } from 'vitest';
import { runLoadtestCli } from '@easydo/fleet/loadtest/cli';

describe('npm run fleet -- loadtest', () => {
  it('refuses bad arguments with exit 64', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runLoadtestCli([])).toBe(64);
      expect(await runLoadtestCli(['--terminals', 'many'])).toBe(64);
      expect(await runLoadtestCli(['--terminals', '10', '--broker', 'http://x'])).toBe(64);
      expect(await runLoadtestCli(['--terminals', '10', '--bogus'])).toBe(64);
    } finally {
      err.mockRestore();
    }
  });

  it('200 terminals: all connect, all come back after the broker is killed, no alert lost, one JSON line', async () => {
    const lines: string[] = [];
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return true;
    });
    let code: number;
    try {
      code = await runLoadtestCli(['--terminals', '200', '--duration', '6', '--workers', '2', '--connect-rate', '400']);
    } finally {
      out.mockRestore();
    }
    const last = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
    expect(Object.keys(last)).toEqual(expect.arrayContaining(['terminals', 'connected', 'alertP50Ms', 'alertP99Ms', 'reconnectAllMs', 'alertsLost']));
    expect(last).toMatchObject({ terminals: 200, connected: 200, alertsLost: 0, alertsPendingAtEnd: 0, invalidMessages: 0, restart: true, completed: true, agentProcesses: 2, measuredAt: 'console-api', consoleListTotal: 200, consoleListOnline: 200 });
    // Each terminal raised and cleared one alert in the steady phase and raised one more during the outage.
    expect(last.alertsRaised).toBe(600);
    expect(last.alertsMeasured).toBe(400);
    expect(typeof last.reconnectAllMs).toBe('number');
    expect(last.alertP99Ms as number).toBeGreaterThanOrEqual(last.alertP50Ms as number);
    // The latency split (alert's at → console's receipt; → the broker's PUBACK at the terminal) is there to read.
    expect(last.alertToConsoleP99Ms as number).toBeGreaterThanOrEqual(last.alertToConsoleP50Ms as number);
    expect(last.alertBrokerAckP99Ms as number).toBeGreaterThanOrEqual(last.alertBrokerAckP50Ms as number);
    expect(last.agentCpuSteadyPercent).toHaveLength(2);
    expect(code).toBe(0);
  }, 400_000);
});
