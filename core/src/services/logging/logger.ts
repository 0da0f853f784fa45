// Structured logs with pino. Every object and message passes through redact() before it is written, so a
// careless call cannot leak an ID number or a name; and the finished line is scrubbed once more as it goes to the
// stream, which also covers what pino assembles itself (child bindings, `%d` arguments formatted into the message).
import pino, { type Logger, type DestinationStream } from 'pino';
import { redact, scrubText } from './redact';

export type { Logger };

export function createLogger(options: { level?: string; destination?: DestinationStream; name?: string } = {}): Logger {
  return pino(
    {
      name: options.name ?? 'easydo',
      level: options.level ?? process.env.EASYDO_LOG_LEVEL ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        log: (object) => redact(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          // pino copies an Error's message into `msg`, bypassing the formatter: scrub Errors here too.
          const scrubbed = args.map((a) =>
            typeof a === 'string' ? scrubText(a) : a instanceof Error ? { err: redact(a) } : a,
          ) as Parameters<typeof method>;
          return method.apply(this, scrubbed);
        },
        streamWrite: (line) => scrubText(line),
      },
    },
    options.destination ?? pino.destination({ dest: 2, sync: false }),
  );
}
