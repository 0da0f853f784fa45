// Wires the recovery policy to a window: crashed or killed renderers are reloaded with back-off; a hung one is
// crashed on purpose (a fresh process) and reloaded; past the limit the out-of-service page is shown.
import type { BrowserWindow } from 'electron';
import type { RecoveryPolicy } from './recovery-policy';

export function attachRecovery(
  window: Pick<BrowserWindow, 'webContents' | 'on'>,
  policy: RecoveryPolicy,
  actions: { reload(): void; showOutOfService(): void; log(message: string, data?: object): void },
  schedule: (fn: () => void, ms: number) => void = (fn, ms) => void setTimeout(fn, ms),
): void {
  const handle = (reason: string) => {
    const decision = policy.onFailure(reason);
    actions.log('renderer failure', { reason, decision: decision.action });
    if (decision.action === 'reload') schedule(actions.reload, decision.delayMs);
    else if (decision.action === 'out-of-service') actions.showOutOfService();
  };
  window.webContents.on('render-process-gone', (_event, details) => handle(details.reason));
  window.on('unresponsive', () => {
    window.webContents.forcefullyCrashRenderer();
    handle('unresponsive');
  });
}
