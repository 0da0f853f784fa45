// A mosquitto password file for many accounts at once: plain `user:password` lines hashed in place by
// `mosquitto_passwd -U` (one process for all of them, not one per account).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

export const MOSQUITTO_PASSWD_BIN = '/usr/bin/mosquitto_passwd';

export function writePasswordFile(file: string, accounts: Iterable<{ username: string; password: string }>): void {
  const lines: string[] = [];
  for (const a of accounts) {
    if (a.username.includes(':') || /\s/.test(a.username) || a.password.includes('\n')) throw new Error(`unusable account name or password for ${a.username}`);
    lines.push(`${a.username}:${a.password}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  execFileSync(MOSQUITTO_PASSWD_BIN, ['-U', file], { stdio: ['ignore', 'ignore', 'pipe'] });
}
