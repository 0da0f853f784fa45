// The console's REST API against a real HTTP server, real SQLite and a real Mosquitto with 12 real fleet agents:
// worst-first list, roles and scope, the live feed with acknowledge, commands with their acks, a paced fleet
// action, bad input refused by the API document, and invalid MQTT messages refused by the fleet schemas.
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '@easydo/core/services/fleet/messages';
import { OperatorClient, PASSWORDS, STREET_A, STREET_B, startFleet, until, type Fleet } from './fleet-harness';

let fleet: Fleet;
let city: OperatorClient;
let streetA: OperatorClient;

beforeAll(async () => {
  fleet = await startFleet(12);
  city = new OperatorClient(fleet.console.url);
  streetA = new OperatorClient(fleet.console.url);
  await city.signIn('city', PASSWORDS.city);
  await streetA.signIn('lianhua', PASSWORDS.streetA);
  await until('all 12 terminals listed and heard', async () => {
    const l = (await city.call('GET', '/api/terminals')).body;
    return l.total === 12 && l.counts.green === 12;
  });
}, 120_000);

afterAll(async () => {
  expect(fleet.console.specViolations()).toEqual([]);
  await fleet?.close();
});

const flat = (list: { groups: { terminals: { terminalId: string; colour: string }[] }[] }) => list.groups.flatMap((g) => g.terminals);

describe('sessions', () => {
  it('refuses the API without a session and sets an HttpOnly SameSite cookie on sign-in', async () => {
    const anon = new OperatorClient(fleet.console.url);
    expect((await anon.call('GET', '/api/terminals')).status).toBe(401);
    const r = await anon.signIn('yuehai', PASSWORDS.streetB);
    expect(r.headers.get('set-cookie')).toMatch(/^easydo_fleet=[\w-]{40,}; HttpOnly; SameSite=Strict; Path=\//);
    expect(r.body.operator).toEqual({ username: 'yuehai', role: 'street', ...STREET_B });
    expect((await anon.call('DELETE', '/api/session')).status).toBe(204);
    expect((await anon.call('GET', '/api/session')).status).toBe(401);
  });

  it('locks an account after 5 wrong passwords, even against the right one, and audits it', async () => {
    await fleet.console.operators.upsert({ username: 'locky', password: 'right-password-1', role: 'city' });
    const c = new OperatorClient(fleet.console.url);
    for (let i = 0; i < 4; i++) expect((await c.call('POST', '/api/session', { username: 'locky', password: `wrong-${i}` })).status).toBe(401);
    const fifth = await c.call('POST', '/api/session', { username: 'locky', password: 'wrong-5' });
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('locked');
    expect(Date.parse(fifth.body.error.lockedUntil)).toBeGreaterThan(Date.now());
    expect((await c.call('POST', '/api/session', { username: 'locky', password: 'right-password-1' })).status).toBe(423);
    const audit = await city.call('GET', '/api/audit');
    expect(audit.body.entries.filter((e: { operator: string; action: string }) => e.operator === 'locky' && e.action.startsWith('signIn.')).length).toBeGreaterThanOrEqual(6);
  });

  it('an unknown user and a wrong password get the same answer', async () => {
    const c = new OperatorClient(fleet.console.url);
    const a = await c.call('POST', '/api/session', { username: 'nobody-here', password: 'x' });
    const b = await c.call('POST', '/api/session', { username: 'city', password: 'x' });
    expect([a.status, a.body.error.code]).toEqual([401, 'invalid_credentials']);
    expect([b.status, b.body.error.code]).toEqual([401, 'invalid_credentials']);
    await fleet.console.store.clearSignInFailures('city');
  });
});

describe('worst-first list and scope', () => {
  it('puts a terminal out of paper (red) before one with paper near end (yellow) before the green ones', async () => {
    const red = fleet.terminals[5]!;
    const yellow = fleet.terminals[2]!;
    red.sim.setPaper('out');
    yellow.sim.setPaper('nearEnd');
    const list = await until('red and yellow listed', async () => {
      const l = (await city.call('GET', '/api/terminals')).body;
      const f = flat(l);
      return f.find((t) => t.terminalId === red.id)?.colour === 'red' && f.find((t) => t.terminalId === yellow.id)?.colour === 'yellow' ? l : null;
    });
    expect(list.groups[0].terminals[0].terminalId).toBe(red.id);
    expect(list.groups[0].colour).toBe('red');
    expect(list.groups[1].colour).toBe('yellow');
    expect(list.groups[1].terminals[0].terminalId).toBe(yellow.id);
    expect(list.groups.slice(2).every((g: { colour: string }) => g.colour === 'green')).toBe(true);
    expect(list.counts).toEqual({ red: 1, yellow: 1, green: 10 });
    expect(flat(list)[0]).toMatchObject({ reasons: expect.arrayContaining(['outOfService']), silentSeconds: expect.any(Number) });
    expect(list.groups[0].terminals[0].reasons.some((r: string) => r.startsWith('alert:receiptPrinter'))).toBe(true);
    red.sim.setPaper('ok');
    yellow.sim.setPaper('ok');
  });

  it('shows a street operator only its own street; another street is 404 for reads and commands', async () => {
    const list = (await streetA.call('GET', '/api/terminals')).body;
    expect(list.total).toBe(6);
    expect(flat(list).every((t: { terminalId: string }) => fleet.byId(t.terminalId).location.street === STREET_A.street)).toBe(true);
    const other = fleet.terminals.find((t) => t.location.street === STREET_B.street)!;
    expect((await streetA.call('GET', `/api/terminals/${other.id}`)).status).toBe(404);
    expect((await streetA.call('GET', `/api/terminals/${other.id}/history`)).status).toBe(404);
    expect((await streetA.call('POST', `/api/terminals/${other.id}/commands`, { name: 'drain' })).status).toBe(404);
    const mine = fleet.terminals.find((t) => t.location.street === STREET_A.street)!;
    const detail = await streetA.call('GET', `/api/terminals/${mine.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.terminal).toMatchObject({ terminalId: mine.id, version: '0.1.0', configVersion: expect.stringMatching(/^[a-f0-9]{16}$/) });
    expect(detail.body.devices.map((d: { id: string }) => d.id)).toEqual(['idReader', 'receiptPrinter']);
  });
});

describe('live alerts', () => {
  it('streams a new alert at once to the operators who may see it, and records who acknowledged it', async () => {
    const t = fleet.terminals.find((x) => x.location.street === STREET_A.street && x.id !== fleet.terminals[2]!.id)!;
    const events = new AbortController();
    const res = await fetch(`${fleet.console.url}/api/events`, { headers: { cookie: (streetA as unknown as { cookie: string }).cookie }, signal: events.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    const alertEvent = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return null;
        text += Buffer.from(value).toString('utf8');
        const m = /event: alert\ndata: (.+)\n/.exec(text);
        if (m && JSON.parse(m[1]!).terminalId === t.id) return JSON.parse(m[1]!);
      }
    })();
    t.sim.setReader(false);
    const alert = await alertEvent;
    events.abort();
    expect(alert).toMatchObject({ terminalId: t.id, severity: 'critical', clearedAt: null, ackedBy: null });
    const ack = await streetA.call('POST', `/api/alerts/${t.id}/${encodeURIComponent(alert.alertId)}/ack`);
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ ackedBy: 'lianhua', ackedAt: expect.any(String) });
    const again = await city.call('POST', `/api/alerts/${t.id}/${encodeURIComponent(alert.alertId)}/ack`);
    expect(again.body.ackedBy).toBe('lianhua');
    const other = fleet.terminals.find((x) => x.location.street === STREET_B.street)!;
    expect((await streetA.call('POST', `/api/alerts/${other.id}/${encodeURIComponent(alert.alertId)}/ack`)).status).toBe(404);
    t.sim.setReader(true);
    await until('the alert clears', async () => (await streetA.call('GET', '/api/alerts?state=all')).body.alerts.find((a: { alertId: string }) => a.alertId === alert.alertId)?.clearedAt);
  });
});

describe('commands', () => {
  it('drains a terminal and follows its acks to done; the audit names the operator', async () => {
    const t = fleet.terminals[4]!;
    const issued = await city.call('POST', `/api/terminals/${t.id}/commands`, { name: 'drain' });
    expect(issued.status).toBe(202);
    expect(['pending', 'sent', 'received', 'done']).toContain(issued.body.status);
    const done = await until('drain done', async () => {
      const c = (await city.call('GET', `/api/terminals/${t.id}/commands`)).body.commands.find((x: { commandId: string }) => x.commandId === issued.body.commandId);
      return c?.status === 'done' ? c : null;
    });
    expect(done.issuedBy).toBe('city');
    // No resident session is open, so the drained terminal is out of service at once (draining needs a session).
    await until('terminal out of service', async () => (await city.call('GET', `/api/terminals/${t.id}`)).body.terminal.service === 'outOfService');
    const audit = (await city.call('GET', '/api/audit')).body.entries;
    expect(audit.find((e: { action: string; target: string }) => e.action === 'command' && e.target === t.id)).toMatchObject({ operator: 'city', detail: { name: 'drain' } });
    await city.call('POST', `/api/terminals/${t.id}/commands`, { name: 'inService' });
  });

  it('refuses arguments the command schema does not allow, naming the field', async () => {
    const r = await city.call('POST', `/api/terminals/${fleet.terminals[0]!.id}/commands`, { name: 'outOfService', args: {} });
    expect(r.status).toBe(400);
    expect(r.body.error.issues[0].path).toBe('args.reason');
  });

  it('a configPush the terminal refuses comes back refused with the reason', async () => {
    const t = fleet.terminals[6]!;
    const issued = await city.call('POST', `/api/terminals/${t.id}/commands`, { name: 'configPush', args: { values: { admin: { idleTimeoutSeconds: -5 } } } });
    expect(issued.status).toBe(202);
    const c = await until('configPush answered', async () => {
      const x = (await city.call('GET', `/api/terminals/${t.id}/commands`)).body.commands.find((y: { commandId: string }) => y.commandId === issued.body.commandId);
      return x && ['refused', 'failed', 'done'].includes(x.status) ? x : null;
    });
    expect(c.status).toBe('refused');
    expect(c.reason).toBeTruthy();
  });
});

describe('fleet action', () => {
  it('sends one command to every terminal of a street (and only there), all acknowledged', async () => {
    const r = await city.call('POST', '/api/actions', { selection: STREET_B, name: 'reloadRenderer' });
    expect(r.status).toBe(202);
    expect(r.body.total).toBe(6);
    const final = await until('all acked', async () => {
      const s = (await city.call('GET', `/api/actions/${r.body.actionId}`)).body;
      return s.counts.done + s.counts.unsupported + s.counts.failed === 6 ? s : null;
    });
    expect(final.counts.pending + final.counts.sent + final.counts.received).toBe(0);
    for (const t of fleet.terminals.filter((x) => x.location.street === STREET_A.street)) {
      const cmds = (await city.call('GET', `/api/terminals/${t.id}/commands`)).body.commands;
      expect(cmds.some((c: { actionId: string | null }) => c.actionId === r.body.actionId)).toBe(false);
    }
  });

  it('a street operator cannot act on the whole fleet, and its selection never leaves its street', async () => {
    expect((await streetA.call('POST', '/api/actions', { selection: {}, name: 'drain' })).status).toBe(403);
    const r = await streetA.call('POST', '/api/actions', { selection: STREET_B, name: 'drain' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('empty_selection');
  });
});

describe('the API document at the server', () => {
  it('refuses a body, a query parameter and a path parameter it does not describe, and cross-origin changes', async () => {
    const bad = await city.call('POST', `/api/terminals/${fleet.terminals[0]!.id}/commands`, { name: 'drain', extra: 1 });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
    expect((await city.call('GET', '/api/alerts?state=sometimes')).status).toBe(400);
    expect((await city.call('GET', '/api/alerts?limit=5')).status).toBe(400);
    expect((await city.call('GET', '/api/terminals/lower-case-id')).status).toBe(400);
    const form = await city.call('POST', `/api/terminals/${fleet.terminals[0]!.id}/commands`, 'name=drain', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    const cross = await city.call('POST', `/api/terminals/${fleet.terminals[0]!.id}/commands`, { name: 'drain' }, { origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
  });
});

describe('MQTT input', () => {
  it('refuses a message its schema does not allow, and one whose terminal id differs from its topic', async () => {
    const t = fleet.terminals[7]!;
    const before = (await city.call('GET', '/api/status')).body.broker.rejected;
    const client = await mqtt.connectAsync(fleet.broker.url, { ...fleet.broker.terminalOptions(t.id), clientId: `${t.id}-junk` });
    const alert = { id: 'junk-1', terminalId: t.id, at: new Date().toISOString(), severity: 'critical', code: 'x', residentName: '张三' };
    await client.publishAsync(topics.alerts(t.id), JSON.stringify(alert), { qos: 1 });
    await client.publishAsync(topics.alerts(t.id), JSON.stringify({ ...alert, residentName: undefined, terminalId: fleet.terminals[8]!.id }), { qos: 1 });
    await client.endAsync();
    const status = await until('both refused', async () => {
      const s = (await city.call('GET', '/api/status')).body;
      return s.broker.rejected >= before + 2 ? s : null;
    });
    expect(status.broker.lastRejections.map((r: { reason: string }) => r.reason).join('\n')).toMatch(/residentName|Unrecognized/);
    expect(status.broker.lastRejections[0].reason).toContain('does not match the topic');
    const alerts = (await city.call('GET', '/api/alerts?state=all')).body.alerts;
    expect(alerts.some((a: { alertId: string }) => a.alertId === 'junk-1')).toBe(false);
    expect(JSON.stringify(status)).not.toContain('张三');
  });
});
