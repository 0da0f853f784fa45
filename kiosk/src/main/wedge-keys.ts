// A keyboard-wedge 2D scanner types its codes as key presses. In a resident-facing window main takes them out
// of the input stream (before-input-event, prevented) and feeds the scanner driver, so a code never lands in
// whatever field has focus. Residents type on the on-screen keyboard (no key events), so nothing else is lost;
// key combinations (Ctrl, Alt, Meta) are left to the key filter.
import type { KeyInput } from './key-filter';

export interface WedgeSink {
  feedKey(key: string): boolean;
}

export function attachWedgeKeys(contents: { on(event: 'before-input-event', l: (e: { preventDefault(): void }, input: KeyInput) => void): unknown }, wedge: WedgeSink): void {
  contents.on('before-input-event', (event, input) => {
    if (input.control || input.alt || input.meta) return;
    if (input.type === 'keyDown' && wedge.feedKey(input.key)) event.preventDefault();
    else if (input.type === 'keyUp' && (input.key.length === 1 || input.key === 'Enter' || input.key === 'Tab')) event.preventDefault();
  });
}
