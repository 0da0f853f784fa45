// A kiosk window does not close, unload or quit unless an authenticated admin lifted the guard.
// (In-app guards are not enough on their own: the OS kiosk shell is the real lock, see packaging/.)
export class CloseGuard {
  private allowed = false;

  /** Only the admin:exit handler calls this, after checking the caller is an authenticated admin. */
  allowQuit(): void {
    this.allowed = true;
  }

  get quitAllowed(): boolean {
    return this.allowed;
  }

  attach(window: {
    on(event: 'close', listener: (e: { preventDefault(): void }) => void): unknown;
    webContents: { on(event: 'will-prevent-unload', listener: (e: { preventDefault(): void }) => void): unknown };
  }): void {
    window.on('close', (event) => {
      if (!this.allowed) event.preventDefault();
    });
    // Calling preventDefault on will-prevent-unload *ignores* the page's beforeunload veto, i.e. lets it unload.
    // We only want that when quitting is allowed; otherwise the page's veto stands.
    window.webContents.on('will-prevent-unload', (event) => {
      if (this.allowed) event.preventDefault();
    });
  }
}
