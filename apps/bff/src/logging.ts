import { pino, type DestinationStream, type Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';
import type { Env } from './env.ts';
import { LOG_REDACT_PATHS } from './http/logRedaction.ts';

/** `json`: one JSON object per line, for log collectors; `pretty`: one readable line, for a person. */
export type LogFormat = 'json' | 'pretty';

/**
 * JSON unless asked otherwise or a person is watching: on a terminal the console prints readable
 * lines, so the demo sign-in is not buried under request objects.
 */
export function logFormatOf(requested: Env['WHEELHOUSE_LOG_FORMAT'], stdoutIsTTY: boolean) {
  return requested ?? (stdoutIsTTY ? 'pretty' : 'json');
}

/** The BFF's logger. `destination` defaults to stdout. */
export function createLogger(options: {
  level: Env['WHEELHOUSE_LOG_LEVEL'];
  format: LogFormat;
  destination?: DestinationStream;
  colorize?: boolean;
}): Logger {
  // Whatever a line logs, a credential header in it is blanked (see logRedaction.ts).
  const base = { level: options.level, redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' } };
  if (options.format === 'json') {
    return options.destination ? pino(base, options.destination) : pino(base);
  }
  const pretty = PinoPretty({
    ...(options.destination ? { destination: options.destination } : {}),
    ...(options.colorize !== undefined ? { colorize: options.colorize } : {}),
    // Request lines carry everything a person needs in their message (app.ts); the objects stay in JSON.
    ignore: 'pid,hostname,req,res,responseTime',
    translateTime: 'SYS:HH:MM:ss',
    singleLine: true,
    sync: true,
  });
  return pino(base, pretty);
}
