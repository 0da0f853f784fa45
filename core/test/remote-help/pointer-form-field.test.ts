// The clerk points at a form field by its control id, `field-<key>`, and catalogue keys are camelCase
// (`spouseName`): such an id passes every schema on the way (the kiosk's view, the clerk's channel, the platform
// hub, the kiosk's guidance event), so the pointer reaches the kiosk screen's highlight.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '@easydo/backend-client/sandbox/server';
import { createBackendClient } from '@easydo/backend-client/client';
import { openRemoteHelpSocket } from '@easydo/backend-client/remote-help/socket';
import type { ServerMessage } from '@easydo/backend-client/remote-help/messages';
import type { FormFieldView } from '@easydo/core/contract/schemas/application';
import { CONTROL_ID_PATTERN, HelpView, type HelpScreenReport } from '@easydo/core/contract/schemas/remote-help';
import { channels, events as eventTable } from '@easydo/core/contract/channels';
import { ResidentHelpDesk } from '@easydo/core/services/remote-help/resident-help-desk';

const KIOSK = { id: 'SZ-RH-PTR-KIOSK', secret: 'remote-help-pointer-kiosk-0001' };
const COUNTER = { id: 'SZ-RH-PTR-COUNTER', secret: 'remote-help-pointer-counter-01' };
const FORM: FormFieldView[] = [{ key: 'spouseName', label: { zh: '配偶姓名', en: 'Spouse name' }, type: 'text', required: true, editable: true, prefilled: null, display: null }];
const REPORT: HelpScreenReport = {
  step: 'form', language: 'zh', item: { code: 'QR00305001', name: '婚姻登记记录证明' }, fields: [], pages: [],
  controls: [{ id: 'field-spouseName', label: '' }, { id: 'form-next', label: '下一步' }],
};

describe('a pointer at a camelCase form field', () => {
  let cleanup: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  it('is a control id every schema accepts', () => {
    expect(CONTROL_ID_PATTERN.test('field-spouseName')).toBe(true); // the kiosk's screen report keeps the control
    expect(channels['helper:highlight'].request.safeParse({ controlId: 'field-spouseName' }).success).toBe(true);
    expect(eventTable['help:guidance'].payload.safeParse({ kind: 'highlight', controlId: 'field-spouseName' }).success).toBe(true);
    // Still only an id: nothing that could be a selector or markup.
    expect(channels['helper:highlight'].request.safeParse({ controlId: 'field-x"]' }).success).toBe(false);
    expect(channels['helper:highlight'].request.safeParse({ controlId: 'field spouse' }).success).toBe(false);
  });

  it('reaches the clerk in the view and comes back to the kiosk as a highlight', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'easydo-rh-ptr-'));
    const sandbox = await startSandbox({ dbFile: path.join(dir, 'sandbox.db'), terminals: [KIOSK, COUNTER] });
    cleanup.push(() => sandbox.close());
    const guidance: unknown[] = [];
    const desk = new ResidentHelpDesk({
      openSocket: (onMessage, onState) => openRemoteHelpSocket({ baseUrl: sandbox.url, terminalId: KIOSK.id, secret: KIOSK.secret, onMessage, onState, retryMs: 50 }),
      // As the kiosk's event bus would: the guidance event's payload checked by its contract schema.
      emit: (name, payload) => void (name === 'help:guidance' && guidance.push(eventTable['help:guidance'].payload.parse(payload))),
      card: () => null,
      form: async () => FORM,
      centreName: () => '莲花街道党群服务中心',
      timeZone: () => 'Asia/Shanghai',
      ringSeconds: () => 600,
      audit: () => undefined,
    });
    cleanup.push(() => desk.close());
    const inbox: ServerMessage[] = [];
    const clerk = openRemoteHelpSocket({ baseUrl: sandbox.url, terminalId: COUNTER.id, secret: COUNTER.secret, onMessage: (m) => void inbox.push(m) });
    cleanup.push(() => clerk.close());
    await clerk.ready();
    const token = (await createBackendClient({ baseUrl: sandbox.url, terminalId: COUNTER.id, secret: COUNTER.secret }).clerkLogin({ staffId: 'C1001', password: 'counter-1001' })).token;
    clerk.send({ type: 'helper.available', clerkToken: token, available: true });

    const { callId } = await desk.request('video', 'zh');
    await expect.poll(() => inbox.some((m) => m.type === 'queue' && m.calls.length === 1)).toBe(true);
    clerk.send({ type: 'call.answer', callId: callId!, clerkToken: token });
    await expect.poll(() => desk.current().phase).toBe('connected');

    await desk.screen(REPORT);
    await expect.poll(() => inbox.find((m) => m.type === 'call.help' && m.help.kind === 'view')).toBeTruthy();
    const sent = inbox.find((m) => m.type === 'call.help' && m.help.kind === 'view') as Extract<ServerMessage, { type: 'call.help' }>;
    const view = HelpView.parse((sent.help as { view: unknown }).view); // as the clerk's desk checks it
    expect(view.controls.map((c) => c.id)).toContain('field-spouseName');

    const pointer = channels['helper:highlight'].request.parse({ controlId: 'field-spouseName' });
    clerk.send({ type: 'call.help', callId: callId!, help: { kind: 'highlight', controlId: pointer.controlId } });
    await expect.poll(() => guidance).toEqual([{ kind: 'highlight', controlId: 'field-spouseName' }]);
  });
});
