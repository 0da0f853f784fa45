// Navigation and window-open blocking: the renderer stays on the app's own pages.
import type { WebContents } from 'electron';
import { isTrustedUrl } from './trusted-url';

export function attachNavigationGuards(contents: WebContents, trustedOrigins: readonly string[]): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isTrustedUrl(url, trustedOrigins)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
