// The terminal's logger: what compose uses. Every line goes through the redacting logger (logger.ts), then to
// (1) rotated files under <dataDir>/logs (pino-roll: size-based rotation, last 5 files kept; it is pino's own
// rotation stream, used in-process rather than as a worker transport so the ring and the files see the same
// lines and nothing is lost at exit), (2) an in-memory ring for the admin log viewer, (3) stderr.
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import pinoRoll from 'pino-roll';
import { createLogger, type Logger } from './logger';
import { LogRing } from './log-ring';

export interface TerminalLoggingOptions {
  level?: string;
  /** Also write to stderr (default true). */
  stderr?: boolean;
  /** Rotate when a file reaches this size (pino-roll syntax, default '5m'). */
  fileSize?: string;
  files?: number;
}

export interface TerminalLogging {
  logger: Logger;
  ring: LogRing;
  logDir: string;
  /** Waits until everything written so far is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

const rings = new WeakMap<Logger, TerminalLogging>();

/** The logging bundle behind a logger made here (admin's viewer and bundle use it); undefined for others. */
export function loggingOf(logger: Logger): TerminalLogging | undefined {
  return rings.get(logger);
}

export function logDirOf(dataDir: string): string {
  return path.join(dataDir, 'logs');
}

/**
 * pino-roll opens its file asynchronously, but compose needs a logger now: lines written before the file is
 * open wait in memory (a handful at start-up) and are written in order once it is.
 */
function deferredFileStream(open: Promise<Writable>): { stream: Writable; ready: Promise<Writable | null> } {
  let target: Writable | null = null;
  const pending: string[] = [];
  const ready = open.then(
    (s) => {
      target = s;
      for (const line of pending.splice(0)) s.write(line);
      return s;
    },
    () => null,
  );
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      if (target) target.write(String(chunk));
      else pending.push(String(chunk));
      done();
    },
  });
  return { stream, ready };
}

export function createTerminalLogging(dataDir: string, options: TerminalLoggingOptions = {}): TerminalLogging {
  const logDir = logDirOf(dataDir);
  const ring = new LogRing();
  const file = deferredFileStream(
    pinoRoll({ file: path.join(logDir, 'terminal'), extension: '.log', size: options.fileSize ?? '5m', limit: { count: options.files ?? 5 }, mkdir: true }) as Promise<unknown> as Promise<Writable>,
  );
  const streams: pino.StreamEntry[] = [
    { level: 'trace', stream: ring.stream() },
    { level: 'trace', stream: file.stream },
  ];
  if (options.stderr ?? true) streams.push({ level: 'trace', stream: pino.destination({ dest: 2, sync: false }) });
  const logger = createLogger({ ...(options.level ? { level: options.level } : {}), destination: pino.multistream(streams) });

  const flushTarget = async () => {
    const target = (await file.ready) as (Writable & { flush?: (cb: (err?: Error) => void) => void }) | null;
    if (target?.flush) await new Promise<void>((resolve) => target.flush!(() => resolve()));
  };
  const bundle: TerminalLogging = {
    logger,
    ring,
    logDir,
    flush: flushTarget,
    async close() {
      await flushTarget();
      const target = await file.ready;
      target?.end();
    },
  };
  rings.set(logger, bundle);
  return bundle;
}

export function createTerminalLogger(dataDir: string, options: TerminalLoggingOptions = {}): Logger {
  return createTerminalLogging(dataDir, options).logger;
}
