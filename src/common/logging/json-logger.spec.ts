import { Logger } from '@nestjs/common';
import { JsonLogger } from './json-logger';

function capture(level: 'log' | 'warn' = 'log'): { logger: JsonLogger; lines: () => Record<string, unknown>[]; raw: () => string } {
  const out: string[] = [];
  const logger = new JsonLogger(level, { write: (t) => out.push(t) });
  return {
    logger,
    raw: () => out.join(''),
    lines: () =>
      out
        .join('')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('JsonLogger', () => {
  it('writes one JSON object per line with time, level, context and message', () => {
    const { logger, lines } = capture();
    logger.log('GraphQL API listening', 'Bootstrap');
    const [line] = lines();
    expect(line).toMatchObject({ level: 'info', context: 'Bootstrap', msg: 'GraphQL API listening' });
    expect(new Date(line.time as string).toISOString()).toBe(line.time);
  });

  it('moves a device label into serial and peer fields, so the serial appears once', () => {
    const { logger, lines, raw } = capture();
    logger.warn('[serial=SN123 ssl:10.0.0.9:4242] refused: certificate CN "x" is not the serial', 'Southbound');
    logger.log('[tcp:10.0.0.8:5151] identification failed: TIMEOUT', 'Southbound');
    expect(lines()).toEqual([
      expect.objectContaining({ level: 'warn', serial: 'SN123', peer: 'ssl:10.0.0.9:4242', msg: 'refused: certificate CN "x" is not the serial' }),
      expect.objectContaining({ level: 'info', peer: 'tcp:10.0.0.8:5151', msg: 'identification failed: TIMEOUT' }),
    ]);
    expect(raw().split('SN123')).toHaveLength(2);
  });

  it('escapes control characters in every field: each line parses and holds none', () => {
    const { logger, lines, raw } = capture();
    logger.warn('[serial=S\u001b[2J1] bad\nforged line\u0085', 'Ctx\r');
    logger.error('failed', 'Error: x\n    at here\u0000', 'B');
    expect(raw().split('\n').filter((l) => l !== '')).toHaveLength(2);
    const [warn, error] = lines();
    expect(warn).toMatchObject({ serial: 'S\\x1b[2J1', msg: 'bad\\nforged line\\x85', context: 'Ctx\\r' });
    expect(error).toMatchObject({ level: 'error', context: 'B', msg: 'failed', detail: 'Error: x\\n    at here\\x00' });
    // eslint-disable-next-line no-control-regex
    for (const line of lines()) for (const value of Object.values(line)) expect(String(value)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('drops levels below LOG_LEVEL and serves Nest loggers once installed', () => {
    const { logger, lines } = capture('warn');
    Logger.overrideLogger(logger);
    try {
      new Logger('Reconciler').log('hidden');
      new Logger('Reconciler').warn('shown');
    } finally {
      Logger.overrideLogger(false);
    }
    expect(lines()).toEqual([expect.objectContaining({ level: 'warn', context: 'Reconciler', msg: 'shown' })]);
  });
});
