// LOG_FORMAT=json: one JSON object per line, written by pino (docs/decisions/operations.md).
// Fields: time (ISO), level, context, serial and peer (from a device line's label, see
// device-label.ts), msg, and detail (a stack). Text is escaped as in plain lines before
// pino serialises it. Like the plain logger, lines are buffered and written once per
// event-loop turn (BatchedStdout, flushed on setImmediate); errors and fatals, and the
// process exit, flush at once.

import type { LogLevel } from '@nestjs/common';
import { LevelledLogger } from './levelled-logger';
import pino from 'pino';
import { splitDeviceLabel } from './device-label';
import { escapeControl } from './escape-control';
import { render } from './line-logger';

const PINO_LEVEL: Record<LogLevel, pino.Level> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};
/** Least severe last, as LOG_LEVELS. */
const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const FLUSH_BYTES = 64 * 1024;

/** Where lines go: a pino destination (stdout), or any stream with write() for tests. */
export interface JsonSink {
  write(text: string): unknown;
  flush?(): void;
  flushSync?(): void;
}

/**
 * Lines gathered and written to stdout in one write per event-loop turn (or per 64 KiB), as
 * the plain logger does. Measured against pino's own destinations (docs/decisions/operations.md):
 * its asynchronous sonic-boom destination cost 2.5 times the CPU per line of the plain logger,
 * and with a minLength buffer some 50 times.
 */
export class BatchedStdout implements JsonSink {
  private pending: string[] = [];
  private bytes = 0;

  constructor(private readonly out: (text: string) => void = (text) => process.stdout.write(text)) {}

  write(text: string): void {
    this.pending.push(text);
    this.bytes += text.length;
    if (this.bytes >= FLUSH_BYTES) this.flushSync();
  }

  flush(): void {
    this.flushSync();
  }

  flushSync(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.bytes = 0;
    this.out(text);
  }
}

export function stdoutSink(): JsonSink {
  return new BatchedStdout();
}

export class JsonLogger extends LevelledLogger {
  private readonly pino: pino.Logger;
  private scheduled = false;

  constructor(
    level: LogLevel,
    private readonly sink: JsonSink = stdoutSink(),
  ) {
    super();
    this.pino = pino(
      {
        level: PINO_LEVEL[level],
        base: undefined,
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
      },
      sink as pino.DestinationStream,
    );
  }

  override setLogLevels(levels: LogLevel[]): void {
    const least = [...ORDER].reverse().find((l) => levels.includes(l));
    this.pino.level = least === undefined ? 'silent' : PINO_LEVEL[least];
  }

  /** Writes the buffered lines now, synchronously (errors, process exit). */
  override flush(): void {
    if (this.sink.flushSync) {
      try {
        this.sink.flushSync();
      } catch {
        // Not yet open (nothing written) or already closed: nothing to flush.
      }
    }
  }

  protected write(level: LogLevel, message: unknown, params: unknown[]): void {
    const pinoLevel = PINO_LEVEL[level];
    if (!this.pino.isLevelEnabled(pinoLevel)) return;
    const context = params.length > 0 && typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const { serial, peer, rest } = splitDeviceLabel(render(message));
    const extra = params.filter((p) => p !== undefined).map(render);
    const fields: Record<string, string> = {};
    if (context !== undefined) fields.context = escapeControl(context);
    if (serial !== undefined) fields.serial = escapeControl(serial);
    if (peer !== undefined) fields.peer = escapeControl(peer);
    if (extra.length > 0) fields.detail = escapeControl(extra.join('\n'));
    this.pino[pinoLevel](fields, escapeControl(rest));
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.scheduled || this.sink.flush === undefined) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      try {
        this.sink.flush?.();
      } catch {
        // A destination still opening flushes once it is open.
      }
    });
  }
}
