// Which KeyProvider protects the journal, from config.journalKey and the shell's keystore:
// - `os-keystore` (default): Electron's safeStorage (the shell passes it; it refuses basic_text in production).
//   The browser shell has no keystore: development falls back to the 0600 key file in the data folder (the
//   composition root's default), production refuses to start.
// - `file`: a 32-byte base64 key the image provisions (e.g. a TPM-sealed systemd credential). Production never
//   creates it: a missing, unreadable or too-open file is a refusal naming journalKey.path.
import { existsSync } from 'node:fs';
import type { TerminalConfig } from '@easydo/core/services/config/schema';
import { createKeyFileProvider, type KeyProvider } from '@easydo/core/services/terminal/key-provider';
import { StartupRefused, type Profile } from './startup';

export interface JournalKeyInput {
  config: TerminalConfig;
  profile: Profile;
  /** The shell's OS keystore provider (Electron), or null where there is none (browser shell). */
  osKeystore: (() => KeyProvider) | null;
}

/** undefined = the composition root's default (development only). */
export async function journalKeyProvider(input: JournalKeyInput): Promise<KeyProvider | undefined> {
  const choice = input.config.journalKey;
  if (choice.source === 'file') {
    if (input.profile === 'production' && !existsSync(choice.path)) {
      throw new StartupRefused('journalKey.path', `no key file at ${choice.path}: the production profile never creates one (provision it; see packaging/README.md)`);
    }
    const provider = createKeyFileProvider(choice.path);
    try {
      await provider.getKey(); // reads and checks the file now, so a bad one stops the start, not the first submission
    } catch (error) {
      throw new StartupRefused('journalKey.path', (error as Error).message);
    }
    return provider;
  }
  if (input.osKeystore) return input.osKeystore();
  if (input.profile === 'production') {
    throw new StartupRefused('journalKey.source', 'the browser shell has no OS keystore: provision a key file (journalKey.source "file"; see packaging/README.md)');
  }
  return undefined;
}
