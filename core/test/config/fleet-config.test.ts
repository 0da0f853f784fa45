// The optional `fleet` section: strict, absent by default (the terminal runs as before), and production refuses
// a broker reached without TLS.
import { describe, expect, it } from 'vitest';
import { parseConfig, ConfigError } from '@easydo/core/services/config/load';
import { productionRefusals } from '@easydo/core/services/config/production-policy';
import { productionConfigInput } from './fixtures';

const fleet = (brokerUrl: string) => ({
  brokerUrl,
  auth: { kind: 'certificate', caFile: '/etc/easydo/fleet/ca.crt', certFile: '/etc/easydo/fleet/terminal.crt', keyFile: '/etc/easydo/fleet/terminal.key' },
  location: { district: '福田区', street: '莲花街道', centre: '莲花街道党群服务中心' },
});

describe('config fleet section', () => {
  it('is absent unless configured', () => {
    expect(parseConfig(productionConfigInput()).fleet).toBeUndefined();
  });

  it('takes a broker, credentials and a location; the heartbeat defaults to a minute', () => {
    const config = parseConfig({ ...productionConfigInput(), fleet: fleet('mqtts://fleet.example.invalid:8883') });
    expect(config.fleet?.heartbeatSeconds).toBe(60);
    expect(productionRefusals(config)).toEqual([]);
  });

  it('is strict: a misspelled key or an inline password is refused by name', () => {
    const misspelled = { ...fleet('mqtts://fleet.example.invalid:8883'), heartbeatSecs: 30 };
    expect(() => parseConfig({ ...productionConfigInput(), fleet: misspelled })).toThrow(ConfigError);
    const inline = { ...fleet('mqtts://fleet.example.invalid:8883'), auth: { kind: 'password', passwordFile: '/run/fleet-pw', password: 'x' } };
    expect(() => parseConfig({ ...productionConfigInput(), fleet: inline })).toThrow(/fleet\.auth/);
    expect(() => parseConfig({ ...productionConfigInput(), fleet: fleet('https://fleet.example.invalid') })).toThrow(/fleet\.brokerUrl/);
  });

  it('production refuses a plaintext mqtt:// broker; development accepts it', () => {
    const config = parseConfig({ ...productionConfigInput(), fleet: fleet('mqtt://fleet.example.invalid:1883') });
    expect(productionRefusals(config)).toEqual([{ field: 'fleet.brokerUrl', reason: expect.stringMatching(/mqtts/) }]);
  });
});
