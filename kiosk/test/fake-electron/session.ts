// session.fromPartition with protocol.handle and the permission handlers; the protocol module, whose
// registerSchemesAsPrivileged works only before 'ready', as in Electron.
import { ready } from './runtime';

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: Record<string, unknown>) => void;
type CheckHandler = (contents: unknown, permission: string, requestingOrigin: string, details: Record<string, unknown>) => boolean;

export class FakeSession {
  private readonly handlers = new Map<string, ProtocolHandler>();
  permissionRequestHandler: RequestHandler | null = null;
  permissionCheckHandler: CheckHandler | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;

  readonly protocol = {
    handle: (scheme: string, handler: ProtocolHandler) => {
      if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
      this.handlers.set(scheme, handler);
    },
    unhandle: (scheme: string) => void this.handlers.delete(scheme),
    isProtocolHandled: (scheme: string) => this.handlers.has(scheme),
  };

  readonly webRequest = { onHeadersReceived: () => undefined, onBeforeRequest: () => undefined };

  constructor(readonly partition: string) {}

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.devicePermissionHandler = handler;
  }

  async clearStorageData(): Promise<void> {}

  /** What Chromium does for a URL of a custom scheme: ask the registered handler; null when none is registered. */
  async fetch(url: string): Promise<Response | null> {
    const scheme = new URL(url).protocol.replace(/:$/, '');
    const handler = this.handlers.get(scheme);
    if (!handler) return null;
    return handler(new Request(url));
  }

  /** A permission request; Electron grants every request when no handler is set (the trap the guide warns of). */
  requestPermission(contents: unknown, permission: string, details: Record<string, unknown>): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(contents, permission, resolve, details));
  }
}

const sessions = new Map<string, FakeSession>();

export const session = {
  fromPartition(partition: string): FakeSession {
    const existing = sessions.get(partition);
    if (existing) return existing;
    const created = new FakeSession(partition);
    sessions.set(partition, created);
    return created;
  },
  get defaultSession(): FakeSession {
    return session.fromPartition('');
  },
};

const privileged: string[] = [];

export const protocol = {
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>): void {
    if (ready()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    privileged.push(...schemes.map((s) => s.scheme));
  },
  handle: (scheme: string, handler: ProtocolHandler) => session.defaultSession.protocol.handle(scheme, handler),
  unhandle: (scheme: string) => session.defaultSession.protocol.unhandle(scheme),
  isProtocolHandled: (scheme: string) => session.defaultSession.protocol.isProtocolHandled(scheme),
};

export function privilegedSchemes(): string[] {
  return [...privileged];
}
