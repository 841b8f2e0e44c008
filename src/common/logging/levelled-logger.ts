// The LoggerService methods Nest calls, each handing its level to write(), for the plain and
// the JSON logger alike; error and fatal flush at once (the process may be about to end).

import type { LoggerService, LogLevel } from '@nestjs/common';

export abstract class LevelledLogger implements LoggerService {
  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }

  /** Nest calls error(message, stack?, context?). */
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
    this.flush();
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
    this.flush();
  }

  abstract setLogLevels(levels: LogLevel[]): void;

  /** Writes what is buffered now. */
  abstract flush(): void;

  protected abstract write(level: LogLevel, message: unknown, params: unknown[]): void;
}
