// What an operator reads when the controller cannot start: one block naming every bad
// variable, without a stack trace (the stack is for our bugs, not their environment).
// A port already in use is a configuration problem too: it names the variable and port.

import { ConfigError, ConfigProblem } from '../config/config-error';
import { escapeControl } from '../common/logging/escape-control';
import type { LogFormat } from '../common/logging/process-logger';

/** Turns EADDRINUSE/EACCES on a listen into a ConfigError naming `variable`; other errors unchanged. */
export function listenProblem(error: unknown, variable: string): unknown {
  const e = error as NodeJS.ErrnoException & { port?: number; address?: string };
  if (e?.code === 'EADDRINUSE') {
    return new ConfigError([{ variable, message: `port ${e.port ?? '?'} on ${e.address ?? 'this host'} is already in use by another process` }]);
  }
  if (e?.code === 'EACCES') {
    return new ConfigError([{ variable, message: `no permission to listen on port ${e.port ?? '?'} (ports below 1024 need privileges)` }]);
  }
  return error;
}

/** The block written to stderr before exiting with code 1. */
export function configErrorBlock(problems: readonly ConfigProblem[], format: LogFormat, now = new Date()): string {
  const clean = problems.map((p) => ({ variable: escapeControl(p.variable), message: escapeControl(p.message) }));
  if (format === 'json') {
    return `${JSON.stringify({ time: now.toISOString(), level: 'fatal', context: 'Config', msg: 'invalid configuration: the controller did not start', problems: clean })}\n`;
  }
  const width = Math.max(...clean.map((p) => p.variable.length));
  return [
    'invalid configuration: the controller did not start. Fix these environment variables (docs/configuration.md):',
    ...clean.map((p) => `  ${p.variable.padEnd(width)}  ${p.message}`),
    '',
  ].join('\n');
}
