// The words a step speaks on arrival (elder mode) follow what is true: out of service at the start, an offline receipt.
import { describe, expect, it } from 'vitest';
import { arrivalVoice } from '../../src/renderer/kiosk/arrival-voice';
import { journeyZh, journeyEn } from '../../src/renderer/i18n/domains/journey';
import type { ServiceState } from '@easydo/core/contract/schemas/device';
import type { SubmitApplicationResponse } from '@easydo/core/contract/schemas/application';

const inService: ServiceState = { inService: true, canSubmit: true, canReadCard: true, canPrint: true, reasons: [], manual: null };
const outOfService: ServiceState = { ...inService, inService: false, canPrint: false, reasons: [{ code: 'paperOut', kind: 'receiptPrinter', message: 'out of paper' }] };
const accepted: SubmitApplicationResponse = { localId: 'L1', localStage: 'accepted', acceptanceNumber: 'A1', queryPassword: '123456', trackingCode: 'T1', serverStage: '受理' };
const offline: SubmitApplicationResponse = { ...accepted, localStage: 'submitted-locally', acceptanceNumber: null, queryPassword: null, serverStage: null };

describe('arrival voice', () => {
  it('an attract screen out of service does not invite a card', () => {
    expect(arrivalVoice('attract', { receipt: null }, inService, true)).toBe('attract');
    expect(arrivalVoice('attract', { receipt: null }, undefined, true)).toBe('attract');
    expect(arrivalVoice('attract', { receipt: null }, outOfService, true)).toBe('attractOutOfService');
    expect(journeyZh.voice.attractOutOfService).not.toMatch(/读卡区/);
  });

  it('an offline receipt says it is stored and delivered later, not accepted', () => {
    expect(arrivalVoice('receipt', { receipt: accepted }, inService, true)).toBe('receipt');
    expect(arrivalVoice('receipt', { receipt: offline }, inService, true)).toBe('receiptOffline');
    expect(journeyZh.voice.receiptOffline).toMatch(/保存在本机/);
    expect(journeyEn.voice.receiptOffline).toMatch(/stored on this terminal/);
  });

  it('speaks on arrival in elder mode only; otherwise on demand', () => {
    expect(arrivalVoice('catalogue', { receipt: null }, inService, false)).toBeNull();
    expect(arrivalVoice('attract', { receipt: null }, outOfService, false)).toBeNull();
    expect(arrivalVoice('catalogue', { receipt: null }, inService, true)).toBe('catalogue');
  });

  it('every other step keeps its own words', () => {
    expect(arrivalVoice('form', { receipt: offline }, outOfService, true)).toBe('form');
  });
});
