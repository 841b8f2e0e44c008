// The process logger: one plain line per event, `<ISO time> <LEVEL> [<context>] <message>`,
// levels at or above LOG_LEVEL. Lines are gathered and written once per event-loop turn:
// at 10,000 devices a reconnect storm logs tens of thousands of lines, and Nest's console
// logger (colours, locale timestamps, one write per line) was 7 % of the controller's CPU
// at cold start (docs/benchmarks.md). Errors and fatals are written at once. Control
// characters are escaped (escape-control.ts); a stack follows on indented lines.

import type { LogLevel } from '@nestjs/common';
import { LevelledLogger } from './levelled-logger';
import { ConfigError } from '../../config/config-error';
import { escapeControl } from './escape-control';

/** Most severe first; a level enables itself and every level before it. */
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

const LABELS: Record<LogLevel, string> = {
  fatal: 'FATAL',
  error: 'ERROR',
  warn: 'WARN',
  log: 'LOG',
  debug: 'DEBUG',
  verbose: 'VERBOSE',
};

const FLUSH_BYTES = 64 * 1024;

export function parseLogLevel(raw: string | undefined): LogLevel {
  const value = (raw ?? 'log').trim().toLowerCase();
  const level = LOG_LEVELS.find((l) => l === value);
  if (level === undefined) {
    throw new ConfigError([{ variable: 'LOG_LEVEL', message: `must be one of ${LOG_LEVELS.join(', ')}; got "${raw}"` }]);
  }
  return level;
}

export type LogSink = (text: string) => void;

export class LineLogger extends LevelledLogger {
  private enabled: ReadonlySet<LogLevel>;
  private pending: string[] = [];
  private pendingBytes = 0;
  private scheduled = false;

  constructor(
    level: LogLevel,
    private readonly sink: LogSink = (text) => process.stdout.write(text),
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
    this.enabled = new Set(LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1));
  }

  override setLogLevels(levels: LogLevel[]): void {
    this.enabled = new Set(levels);
  }

  /** Writes every gathered line now (also on process exit). */
  override flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingBytes = 0;
    this.sink(text);
  }

  protected write(level: LogLevel, message: unknown, params: unknown[]): void {
    if (!this.enabled.has(level)) return;
    // Nest's Logger appends its context as the last parameter.
    const context = params.length > 0 && typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const extra = params.filter((p) => p !== undefined).map(renderExtra);
    const line = `${this.now().toISOString()} ${LABELS[level]}${context ? ` [${escapeControl(context)}]` : ''} ${escapeControl(render(message))}${extra.join('')}\n`;
    this.pending.push(line);
    this.pendingBytes += line.length;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.flush();
      });
    }
  }
}

/** A stack or detail: each of its lines escaped and indented, so none can pass for a log line. */
function renderExtra(value: unknown): string {
  return render(value)
    .split('\n')
    .map((line) => `\n    ${escapeControl(line)}`)
    .join('');
}

export function render(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? value.message;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
