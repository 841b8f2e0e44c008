// The process logger chosen by LOG_FORMAT (plain lines for a terminal, JSON lines for a log
// pipeline) at LOG_LEVEL. Built before anything else, so a bad value is reported with the
// other configuration problems by a logger that works (the default one).

import type { LoggerService, LogLevel } from '@nestjs/common';
import { ConfigError, ConfigProblem } from '../../config/config-error';
import { JsonLogger } from './json-logger';
import { LineLogger, parseLogLevel } from './line-logger';

export type LogFormat = 'plain' | 'json';
const FORMATS: readonly LogFormat[] = ['plain', 'json'];

export interface ProcessLogger extends LoggerService {
  flush(): void;
}

export function parseLogFormat(raw: string | undefined): LogFormat {
  const value = (raw ?? 'plain').trim().toLowerCase();
  const format = FORMATS.find((f) => f === value);
  if (format === undefined) {
    throw new ConfigError([{ variable: 'LOG_FORMAT', message: `must be one of ${FORMATS.join(', ')}; got "${raw}"` }]);
  }
  return format;
}

/** The logger for `env`, and the problems with LOG_LEVEL/LOG_FORMAT (defaults used meanwhile). */
export function createProcessLogger(env: Readonly<Record<string, string | undefined>>): {
  logger: ProcessLogger;
  format: LogFormat;
  problems: ConfigProblem[];
} {
  const problems: ConfigProblem[] = [];
  const read = <T>(parse: (raw: string | undefined) => T, raw: string | undefined, fallback: T): T => {
    try {
      return parse(raw);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return fallback;
    }
  };
  const level = read<LogLevel>(parseLogLevel, env.LOG_LEVEL, 'log');
  const format = read<LogFormat>(parseLogFormat, env.LOG_FORMAT, 'plain');
  const logger = format === 'json' ? new JsonLogger(level) : new LineLogger(level);
  return { logger, format, problems };
}
