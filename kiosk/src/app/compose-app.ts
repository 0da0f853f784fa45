// The application's composition root: the core terminal plus the counter's domain, one router over the
// complete contract. Used by Electron main, the browser shell entry and the E2E harness alike.
import { createRouter, type HandlerTable, type Router } from '@easydo/core/services/ipc/router';
import { createTerminal, type Terminal, type TerminalOptions } from '@easydo/core/services/terminal/compose';
import { wireCounter } from '@easydo/counter/services/wire';
import { wireResidentHelp, type RemoteHelpWiringOptions } from '@easydo/core/services/remote-help/wire';

export interface App {
  terminal: Terminal;
  router: Router;
  close(): Promise<void>;
}

export async function composeApp(options: TerminalOptions & { remoteHelp?: RemoteHelpWiringOptions }): Promise<App> {
  const terminal = await createTerminal(options);
  const counter = await wireCounter(terminal);
  terminal.updates?.attachClerks(counter.clerkSignedIn); // a signed-in clerk holds an update install
  const help = wireResidentHelp(terminal, options.remoteHelp);
  const handlers: HandlerTable = { ...terminal.handlers, ...counter.handlers, ...help.handlers };
  const router = createRouter({
    handlers,
    guards: { ...terminal.guards, ...counter.guards },
    onInternalError: (channel, error) => terminal.log.error({ channel, err: error }, 'handler failed'),
  });
  return {
    terminal,
    router,
    async close() {
      await help.close();
      await counter.close();
      await terminal.close();
    },
  };
}
