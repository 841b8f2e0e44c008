import { OvsdbError } from '../errors';
import { parseListenSpec, parseListenSpecs } from './listen-spec';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof OvsdbError ? err.code : 'not an OvsdbError';
  }
  return undefined;
}

describe('parseListenSpecs', () => {
  it('parses every kind', () => {
    const specs = parseListenSpecs('tcp:0.0.0.0:6640,ssl:0.0.0.0:6643, ws:127.0.0.1:8080/ovsdb ,wss:[::]:8443');
    expect(specs.map(({ kind, host, port, path }) => ({ kind, host, port, path }))).toEqual([
      { kind: 'tcp', host: '0.0.0.0', port: 6640, path: undefined },
      { kind: 'ssl', host: '0.0.0.0', port: 6643, path: undefined },
      { kind: 'ws', host: '127.0.0.1', port: 8080, path: '/ovsdb' },
      { kind: 'wss', host: '::', port: 8443, path: undefined },
    ]);
  });

  it('accepts host names, bracketed IPv6 and port 0', () => {
    expect(parseListenSpec('tcp:localhost:0')).toMatchObject({ host: 'localhost', port: 0 });
    expect(parseListenSpec('ssl:[fe80::1%eth0]:6643')).toMatchObject({ host: 'fe80::1%eth0', port: 6643 });
    expect(parseListenSpec('tcp:[::1]:6640').text).toBe('tcp:[::1]:6640');
  });

  it.each([
    ['', /no listen spec/],
    ['6640', /KIND:HOST:PORT/],
    ['udp:0.0.0.0:6640', /unknown kind "udp"/],
    ['tcp:0.0.0.0', /HOST:PORT/],
    ['tcp::6640', /HOST:PORT/],
    ['tcp:0.0.0.0:', /HOST:PORT/],
    ['tcp:0.0.0.0:http', /HOST:PORT/],
    ['tcp:0.0.0.0:70000', /out of range/],
    ['tcp:::1:6640', /IPv6 address in brackets/],
    ['tcp:[1.2.3.4]:6640', /not an IPv6 address/],
    ['tcp:0.0.0.0:6640/path', /only allowed for ws/],
    ['tcp:0.0.0.0:6640,ssl:0.0.0.0:6640', /listed twice/],
  ])('rejects %j', (text, message) => {
    expect(codeOf(() => parseListenSpecs(text))).toBe('LISTENER_INVALID_SPEC');
    expect(() => parseListenSpecs(text)).toThrow(message);
  });

  it('accepts whitespace as a separator too', () => {
    expect(parseListenSpecs(' tcp:127.0.0.1:6640  ssl:127.0.0.1:6643\n').map((s) => s.kind)).toEqual(['tcp', 'ssl']);
  });

  it('allows several ephemeral ports on the same host', () => {
    expect(parseListenSpecs('tcp:127.0.0.1:0,ssl:127.0.0.1:0')).toHaveLength(2);
  });
});
