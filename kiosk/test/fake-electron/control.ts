// The test's hand inside the child: answers FakeCommands arriving over the fork IPC channel.
import { app } from './app';
import { fakeEvent, packaged, ready, report } from './runtime';
import { session, privilegedSchemes } from './session';
import { activeBlockers, applicationMenuState } from './system';
import { FakeBrowserWindow, ipcMain, webContents } from './windows';
import type { FakeCommandMessage, FakeState } from './protocol';

function contentsOf(id: number) {
  const contents = webContents.fromId(id);
  if (!contents) throw new Error(`no webContents ${id}`);
  return contents;
}

function windowOf(id: number) {
  const window = FakeBrowserWindow.fromId(id);
  if (!window) throw new Error(`no window ${id}`);
  return window;
}

function state(): FakeState {
  return {
    ready: ready(),
    packaged,
    windows: FakeBrowserWindow.getAllWindows().map((w) => w.state()),
    powerSaveBlockers: activeBlockers(),
    applicationMenu: applicationMenuState(),
    privilegedSchemes: privilegedSchemes(),
    singleInstanceLock: app.hasSingleInstanceLock(),
    ipcChannels: ipcMain.channels(),
  };
}

async function run(command: FakeCommandMessage): Promise<unknown> {
  switch (command.type) {
    case 'state':
      return state();
    case 'invoke': {
      const contents = contentsOf(command.webContentsId);
      return ipcMain.invokeFrom(contents, command.channel, command.payload, command.frameUrl ?? contents.getURL());
    }
    case 'crash':
      contentsOf(command.webContentsId).renderProcessGone(command.reason);
      return null;
    case 'unresponsive':
      windowOf(command.windowId).emit('unresponsive');
      return null;
    case 'close':
      windowOf(command.windowId).close();
      return null;
    case 'fetch': {
      const response = await session.fromPartition(command.partition).fetch(command.url);
      if (!response) return { status: null, headers: {}, body: '' };
      return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
    }
    case 'permission': {
      const contents = contentsOf(command.webContentsId);
      const details = { requestingUrl: command.requestingUrl, isMainFrame: true, ...(command.mediaTypes ? { mediaTypes: command.mediaTypes } : {}) };
      return contents.session.requestPermission(contents, command.permission, details);
    }
    case 'key': {
      const event = fakeEvent();
      const input = { type: 'keyDown', key: command.key, code: command.key, control: !!command.control, alt: !!command.alt, shift: !!command.shift, meta: !!command.meta };
      contentsOf(command.webContentsId).emit('before-input-event', event, input);
      return event.defaultPrevented;
    }
    case 'navigate': {
      const event = fakeEvent();
      contentsOf(command.webContentsId).emit('will-navigate', event, command.url);
      return event.defaultPrevented;
    }
    case 'quit':
      app.quit();
      return null;
  }
}

export function listenForCommands(): void {
  if (!process.send) return;
  process.on('message', (message: FakeCommandMessage) => {
    run(message).then(
      (value) => report({ type: 'reply', requestId: message.requestId, ok: true, value }),
      (error: unknown) => report({ type: 'reply', requestId: message.requestId, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  // The IPC channel must not keep a quitting app alive, nor end a running one.
  process.channel?.unref();
}
