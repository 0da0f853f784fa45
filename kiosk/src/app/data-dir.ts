// The per-user data folder: config, journal, logs, virtual printer output. EASYDO_DATA_DIR overrides it.
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.EASYDO_DATA_DIR) return path.resolve(env.EASYDO_DATA_DIR);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'easydo-terminal');
  const xdg = env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
  return path.join(xdg, 'easydo-terminal');
}
