import { Logger } from '@nestjs/common';
import { ConfigError } from '../../config/config-error';
import { LineLogger, parseLogLevel } from './line-logger';

const AT = new Date('2026-11-23T12:00:00.000Z');

function capture(level: Parameters<typeof parseLogLevel>[0]): { logger: LineLogger; lines: () => string[] } {
  const out: string[] = [];
  const logger = new LineLogger(parseLogLevel(level), (t) => out.push(t), () => AT);
  return { logger, lines: () => out.join('').split('\n').filter((l) => l.length > 0) };
}

describe('LineLogger', () => {
  it('writes one line per event with time, level and context, gathered until flushed', () => {
    const { logger, lines } = capture('log');
    logger.log('[serial=S1] connected', 'DeviceConnections');
    logger.warn('slow', 'Reconciler');
    expect(lines()).toEqual([]);
    logger.flush();
    expect(lines()).toEqual([
      '2026-11-23T12:00:00.000Z LOG [DeviceConnections] [serial=S1] connected',
      '2026-11-23T12:00:00.000Z WARN [Reconciler] slow',
    ]);
  });

  it('drops levels below LOG_LEVEL and writes errors at once, with the stack', () => {
    const { logger, lines } = capture('warn');
    logger.log('hidden', 'A');
    logger.debug('hidden', 'A');
    logger.error('failed', 'Error: x\n    at here', 'B');
    expect(lines()).toEqual(['2026-11-23T12:00:00.000Z ERROR [B] failed', '    Error: x', '        at here']);
  });

  it('escapes control characters, so a device-chosen string cannot forge a line or drive a terminal', () => {
    const { logger, lines } = capture('log');
    logger.warn('[serial=S1\n2026-11-23T12:00:00.000Z LOG [Auth] forged] \u001b[2Jbad', 'Southbound');
    logger.error('failed', 'Error: evil\nLOG forged', 'B');
    expect(lines()).toEqual([
      '2026-11-23T12:00:00.000Z WARN [Southbound] [serial=S1\\n2026-11-23T12:00:00.000Z LOG [Auth] forged] \\x1b[2Jbad',
      '2026-11-23T12:00:00.000Z ERROR [B] failed',
      '    Error: evil',
      '    LOG forged',
    ]);
  });

  it('flushes by itself on the next turn of the event loop', async () => {
    const { logger, lines } = capture('debug');
    logger.debug({ a: 1 }, 'C');
    await new Promise((r) => setImmediate(r));
    expect(lines()).toEqual(['2026-11-23T12:00:00.000Z DEBUG [C] {"a":1}']);
  });

  it('serves Nest loggers once installed', () => {
    const { logger, lines } = capture('log');
    Logger.overrideLogger(logger);
    try {
      new Logger('Southbound').log('device identified');
    } finally {
      Logger.overrideLogger(['error', 'warn']);
    }
    logger.flush();
    expect(lines()).toEqual(['2026-11-23T12:00:00.000Z LOG [Southbound] device identified']);
  });

  it('refuses an unknown LOG_LEVEL with a configuration error naming the variable', () => {
    expect(() => parseLogLevel('chatty')).toThrow(ConfigError);
    expect(() => parseLogLevel('chatty')).toThrow(/LOG_LEVEL/);
    expect(parseLogLevel(undefined)).toBe('log');
    expect(parseLogLevel(' DEBUG ')).toBe('debug');
  });
});
