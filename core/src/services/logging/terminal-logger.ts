// The terminal's logger: what compose uses. Today structured JSON to stderr through the redacting logger;
// admin mode's log viewer and rotation build on this module.
import { createLogger, type Logger } from './logger';

export function createTerminalLogger(_dataDir: string): Logger {
  return createLogger();
}
