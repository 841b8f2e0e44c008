import { ConfigError } from '../../config/config-error';
import { loadConfig } from '../../config/load-config';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig({ JWT_SECRET: 'x'.repeat(32), ...env });
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.map((p) => `${p.variable}: ${p.message}`);
    throw e;
  }
  return [];
}

describe('HOME_API_* configuration', () => {
  it('leaves the gateway off unless HOME_API_LISTEN is set', () => {
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(32) }).homeApi).toBeUndefined();
  });

  it('reads listener, MSOs, their addresses and the defaults of section 5.7.2', () => {
    const config = loadConfig({
      JWT_SECRET: 'x'.repeat(32),
      HOME_API_LISTEN: '127.0.0.1:0',
      HOME_API_MSOS: 'abc=Acme Cable, XYZ=0b0c8e2e-2a8e-4f55-9d2e-6d1f7f8a9b10',
      HOME_API_MSO_ADDRESSES: 'ABC=127.0.0.1,abc=::1,XYZ=10.0.0.5',
    }).homeApi;
    expect(config).toEqual({
      host: '127.0.0.1',
      port: 0,
      tlsCertFile: undefined,
      tlsKeyFile: undefined,
      tlsCaFile: undefined,
      msos: [
        { name: 'ABC', group: 'Acme Cable', addresses: ['127.0.0.1', '::1'] },
        { name: 'XYZ', group: '0b0c8e2e-2a8e-4f55-9d2e-6d1f7f8a9b10', addresses: ['10.0.0.5'] },
      ],
      idleTimeoutMs: 600_000,
      maxTransactionBytes: 9999,
      timezone: 'UTC',
      loginDomain: undefined,
      numericKeys: false,
    });
  });

  it('reads the login domain in lower case and refuses one that is not a domain name', () => {
    const base = { HOME_API_LISTEN: '127.0.0.1:0', HOME_API_MSOS: 'ABC=g', HOME_API_MSO_ADDRESSES: 'ABC=127.0.0.1' };
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(32), ...base, HOME_API_LOGIN_DOMAIN: 'Home.Example.NET' }).homeApi?.loginDomain).toBe('home.example.net');
    for (const bad of ['home', 'a b.net', `${'x'.repeat(30)}.net`]) {
      expect(problems({ ...base, HOME_API_LOGIN_DOMAIN: bad })).toEqual([expect.stringMatching(/^HOME_API_LOGIN_DOMAIN: /)]);
    }
  });

  it('names every bad variable', () => {
    expect(
      problems({
        HOME_API_LISTEN: 'localhost:5400',
        HOME_API_MSOS: 'ABC=g1,ABC=g2,=g3',
        HOME_API_MSO_ADDRESSES: 'XYZ=10.0.0.1,ABC=not-an-ip',
        HOME_API_TLS_CERT: '/nonexistent/cert.pem',
        HOME_API_IDLE_TIMEOUT_S: '0',
        HOME_API_MAX_TRANSACTION_BYTES: '10000',
        HOME_API_TIMEZONE: 'Mars/Olympus',
      }).map((p) => p.split(':')[0]),
    ).toEqual([
      'HOME_API_LISTEN',
      'HOME_API_TLS_CERT',
      'HOME_API_TLS_CERT',
      'HOME_API_MSOS',
      'HOME_API_MSOS',
      'HOME_API_MSO_ADDRESSES',
      'HOME_API_MSO_ADDRESSES',
      'HOME_API_IDLE_TIMEOUT_S',
      'HOME_API_MAX_TRANSACTION_BYTES',
      'HOME_API_TIMEZONE',
    ]);
  });

  it('needs source addresses without TLS, and at least one MSO', () => {
    expect(problems({ HOME_API_LISTEN: '0.0.0.0:5400', HOME_API_MSOS: 'ABC=g' })).toEqual([expect.stringContaining('HOME_API_MSO_ADDRESSES')]);
    expect(problems({ HOME_API_LISTEN: '0.0.0.0:5400' })).toEqual([expect.stringContaining('HOME_API_MSOS')]);
  });
});
