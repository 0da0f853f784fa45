// codedError: each declared class keeps its own instanceof, name, code, message and cause.
import { describe, expect, it } from 'vitest';
import { codedError } from '../../src/device/coded-error';
import { DeviceCommandError, DeviceTimeoutError } from '../../src/device/model';
import { IdCardError } from '../../src/idcard/errors';
import { TransportError } from '../../src/printer/transport/transport';
import { StatusReplyError } from '../../src/printer/status';

describe('codedError', () => {
  it('a declared class is its own class with a code, a name and the cause', () => {
    class ExampleError extends codedError<'one' | 'two'>('ExampleError') {}
    const cause = new Error('below');
    const e = new ExampleError('two', 'it broke', { cause });
    expect(e).toBeInstanceOf(ExampleError);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'ExampleError', code: 'two', message: 'it broke', cause });
    expect(String(e)).toBe('ExampleError: it broke');
    class OtherError extends codedError<'one'>('OtherError') {}
    expect(new OtherError('one', 'x')).not.toBeInstanceOf(ExampleError);
  });

  it('the drivers keep their codes, names and class chains', () => {
    expect(new TransportError('timeout', 'slow')).toMatchObject({ name: 'TransportError', code: 'timeout' });
    expect(new StatusReplyError('short')).toMatchObject({ name: 'StatusReplyError', code: 'badStatusReply', message: 'short' });
    const timeout = new DeviceTimeoutError('print', 5);
    expect(timeout).toBeInstanceOf(DeviceCommandError);
    expect(timeout).toMatchObject({ code: 'timeout' });
    const card = new IdCardError('noDevice', 'gone', 'open');
    expect(card).toBeInstanceOf(DeviceCommandError);
    expect(card).toMatchObject({ name: 'IdCardError', code: 'noDevice', stage: 'open' });
  });
});
