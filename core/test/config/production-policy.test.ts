// What the production profile refuses on top of the schema, each refusal naming its field.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, simulatorDefaults } from '@easydo/core/services/config/load';
import { productionRefusals } from '@easydo/core/services/config/production-policy';
import { hashPin } from '@easydo/core/services/config/pin';
import { DEV_ADMIN_PIN, pinWeakness } from '@easydo/core/services/config/pin-policy';
import { channels } from '@easydo/core/contract/channels';
import { productionConfigInput } from './fixtures';

const fieldsOf = (raw: Record<string, unknown>) => productionRefusals(parseConfig(raw)).map((r) => r.field);
const withDevices = (devices: Record<string, unknown>) => ({ ...productionConfigInput(), devices: { ...productionConfigInput().devices, ...devices } });

describe('production policy', () => {
  it('accepts a terminal on real devices, an https platform and its own PIN', () => {
    expect(fieldsOf(productionConfigInput())).toEqual([]);
  });

  it('refuses every part of the simulator default, naming each field', () => {
    expect(productionRefusals(simulatorDefaults()).map((r) => r.field)).toEqual([
      'backend.kind',
      'progressHost',
      'devices.idReader.transport',
      'devices.receiptPrinter.address',
      'devices.scanner.device',
      'adminPinHash',
    ]);
  });

  it('refuses a plain-http platform', () => {
    const refusals = productionRefusals(parseConfig({ ...productionConfigInput(), backend: { kind: 'remote', url: 'http://acceptance.example.invalid/api' } }));
    expect(refusals).toEqual([{ field: 'backend.url', reason: expect.stringMatching(/https/) }]);
  });

  it('refuses the simulated reader, the virtual printer and SANE\'s test device one by one', () => {
    expect(fieldsOf(withDevices({ idReader: { transport: 'simulator' } }))).toEqual(['devices.idReader.transport']);
    expect(fieldsOf(withDevices({ receiptPrinter: { address: 'virtual' } }))).toEqual(['devices.receiptPrinter.address']);
    expect(fieldsOf(withDevices({ scanner: { source: 'sane', device: 'test:0' } }))).toEqual(['devices.scanner.device']);
    expect(fieldsOf(withDevices({ scanner: { source: 'none' } }))).toEqual([]);
  });

  it("refuses the sandbox's progress host (the receipt QR would open nothing) and takes the platform's", () => {
    expect(fieldsOf({ ...productionConfigInput(), progressHost: 'progress.sandbox.invalid' })).toEqual(['progressHost']);
    expect(fieldsOf({ ...productionConfigInput(), progressHost: 'progress.sz.example.invalid:8443' })).toEqual([]);
    expect(() => parseConfig({ ...productionConfigInput(), progressHost: 'https://progress.example.invalid/x' })).toThrow();
  });

  it('recognises the development PIN behind its hash', () => {
    expect(fieldsOf({ ...productionConfigInput(), adminPinHash: hashPin(DEV_ADMIN_PIN) })).toEqual(['adminPinHash']);
  });
});

describe('PIN policy', () => {
  it('refuses short, long, non-digit, repeated, running and development PINs', () => {
    for (const pin of ['12345', '1234567890123', '12a456', '000000', '777777777', '123456', '987654', '890123', '246810']) {
      expect(pinWeakness(pin), pin).not.toBeNull();
    }
  });

  it('the PIN pad (admin:login) takes the same 6-12 digits the form and set-pin accept', () => {
    const login = channels['admin:login'].request;
    for (const pin of ['12345', '1234567890123', '12a456']) {
      expect(login.safeParse({ pin }).success, pin).toBe(false);
      expect(pinWeakness(pin), pin).toMatch(/6-12 digits/);
    }
    for (const pin of ['402913', '520131415926']) expect(login.safeParse({ pin }).success, pin).toBe(true);
  });

  it('accepts a PIN of 6-12 digits that is none of those', () => {
    for (const pin of ['97531864', '402913', '520131415926']) expect(pinWeakness(pin), pin).toBeNull();
  });
});

describe('the README example', () => {
  it('is a config production starts on once its PIN is set', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    const block = /## Running on real hardware[\s\S]*?```json\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    const example = JSON.parse(block![1]!) as Record<string, unknown>;
    expect(fieldsOf({ ...example, adminPinHash: hashPin('402913') })).toEqual([]);
  });
});

describe('production policy: operators, TURN, the counter\'s wedge', () => {
  it('refuses the development PIN on a named operator too', () => {
    const admin = { operators: [{ id: '1001', pinHash: hashPin('402913') }, { id: '1002', pinHash: hashPin(DEV_ADMIN_PIN) }] };
    expect(fieldsOf({ ...productionConfigInput(), admin })).toEqual(['admin.operators.1.pinHash']);
  });

  it('refuses a plain turn: relay for remote help; turns: and stun: are accepted', () => {
    const remoteHelp = (urls: string[]) => ({ ...productionConfigInput(), remoteHelp: { iceServers: [{ urls, username: 'u', credential: 'c' }] } });
    expect(fieldsOf(remoteHelp(['stun:stun.example.invalid:3478', 'turn:turn.example.invalid:3478']))).toEqual(['remoteHelp.iceServers.0.urls.1']);
    expect(fieldsOf(remoteHelp(['stun:stun.example.invalid:3478', 'turns:turn.example.invalid:5349']))).toEqual([]);
  });

  it('refuses a keyboard-wedge 2D scanner on a counter, not on a kiosk', () => {
    const config = parseConfig(withDevices({ qrScanner: { transport: 'keyboardWedge' } }));
    const counter = productionRefusals(config, 'counter');
    expect(counter).toEqual([{ field: 'devices.qrScanner.transport', reason: expect.stringMatching(/counter.*keyboard-wedge/) }]);
    expect(productionRefusals(config, 'kiosk')).toEqual([]);
    expect(productionRefusals(parseConfig(withDevices({ qrScanner: { transport: 'hidPos', vendorId: 1, productId: 2 } })), 'counter')).toEqual([]);
  });
});
