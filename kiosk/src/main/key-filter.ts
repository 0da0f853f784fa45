// Kiosk key filter: before-input-event fires before the page sees the key and also stops menu accelerators.
// It cannot stop OS shortcuts (Alt+Tab, Ctrl+Alt+Del): the OS kiosk shell does that (packaging/).
export interface KeyInput {
  type: string;
  key: string;
  code?: string;
  control: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

const BLOCKED_PLAIN = new Set(['F1', 'F3', 'F5', 'F6', 'F7', 'F10', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh']);
const BLOCKED_CTRL = new Set(['r', 'w', 'p', 'n', 't', 'o', 's', 'f', 'g', 'h', 'j', 'l', 'u', 'q', '+', '=', '-', '0', 'tab']);

export function isBlockedCombo(input: KeyInput): boolean {
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (BLOCKED_PLAIN.has(input.key)) return true;
  if (input.alt && (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')) return true;
  if (input.meta) return true;
  if (input.control || input.meta) {
    if (BLOCKED_CTRL.has(key.toLowerCase())) return true;
    if (input.shift && ['i', 'j', 'c', 'delete'].includes(key.toLowerCase())) return true;
  }
  return false;
}

export function attachKeyFilter(contents: { on(event: 'before-input-event', l: (e: { preventDefault(): void }, input: KeyInput) => void): unknown }): void {
  contents.on('before-input-event', (event, input) => {
    if (isBlockedCombo(input)) event.preventDefault();
  });
}
