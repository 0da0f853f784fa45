// The keyboard wedge's keys in main: taken out of the window's input (prevented) and read as one code by the
// scanner driver; combinations stay with the key filter.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { KeyboardWedgeLink } from '@easydo/core/services/devices/wedge';
import { attachWedgeKeys } from '../../src/main/wedge-keys';
import type { KeyInput } from '../../src/main/key-filter';

function press(contents: EventEmitter, key: string, type: 'keyDown' | 'keyUp', mods: Partial<KeyInput> = {}): boolean {
  let prevented = false;
  contents.emit('before-input-event', { preventDefault: () => (prevented = true) }, { type, key, control: false, alt: false, shift: false, meta: false, ...mods });
  return prevented;
}

describe('attachWedgeKeys', () => {
  it('a burst ending in Enter becomes one code and never reaches the page', async () => {
    const contents = new EventEmitter();
    let clock = 0;
    const wedge = new KeyboardWedgeLink({ now: () => (clock += 5) });
    await wedge.open();
    const codes: string[] = [];
    wedge.onData((d) => codes.push(new TextDecoder().decode(d)));
    attachWedgeKeys(contents, wedge);
    const prevented = [...'easydo://query?no=A1', 'Enter'].flatMap((key) => [press(contents, key, 'keyDown'), press(contents, key, 'keyUp')]);
    expect(prevented.every(Boolean)).toBe(true);
    expect(codes).toEqual(['easydo://query?no=A1']);
    expect(press(contents, 'r', 'keyDown', { control: true })).toBe(false);
  });
});
