// Wires the recovery policy to a window: crashed or killed renderers are reloaded with back-off; a hung one is
// crashed on purpose (a fresh process) and counted once, when its render-process-gone arrives; past the limit the
// out-of-service page is shown and no reload still pending may replace it.
import type { BrowserWindow } from 'electron';
import type { RecoveryPolicy } from './recovery-policy';

export type Schedule = (fn: () => void, ms: number) => () => void;

const realSchedule: Schedule = (fn, ms) => {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
};

export interface RecoveryActions {
  reload(): void;
  showOutOfService(): void;
  log(message: string, data?: object): void;
}

export function attachRecovery(
  window: Pick<BrowserWindow, 'webContents' | 'on'>,
  policy: RecoveryPolicy,
  actions: RecoveryActions,
  schedule: Schedule = realSchedule,
): void {
  const pending = new Set<{ cancel(): void }>();
  let outOfService = false;
  let hung = false;
  const handle = (reason: string) => {
    if (outOfService) return;
    const decision = policy.onFailure(reason);
    actions.log('renderer failure', { reason, decision: decision.action });
    if (decision.action === 'reload') {
      const timer = { cancel: () => {}, fired: false };
      timer.cancel = schedule(() => {
        timer.fired = true;
        pending.delete(timer);
        if (!outOfService) actions.reload();
      }, decision.delayMs);
      if (!timer.fired) pending.add(timer);
    } else if (decision.action === 'out-of-service') {
      outOfService = true;
      for (const timer of pending) timer.cancel();
      pending.clear();
      actions.showOutOfService();
    }
  };
  window.webContents.on('render-process-gone', (_event, details) => {
    const reason = hung ? 'unresponsive' : details.reason;
    hung = false;
    handle(reason);
  });
  window.on('unresponsive', () => {
    if (outOfService || hung) return;
    hung = true;
    window.webContents.forcefullyCrashRenderer(); // render-process-gone follows and is counted there
  });
}
