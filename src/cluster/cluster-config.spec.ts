import { ConfigError } from '../config/config-error';
import { loadConfig } from '../config/load-config';

const PG = 'postgres://postgres@127.0.0.1:5432/test';

function problems(env: Record<string, string>): Array<{ variable: string; message: string }> {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('cluster configuration', () => {
  it('is off without CLUSTER_NATS_URL', () => {
    expect(loadConfig({}).cluster).toBeUndefined();
  });

  it('refuses cluster variables without CLUSTER_NATS_URL', () => {
    expect(problems({ CLUSTER_INSTANCE_ID: 'a', CLUSTER_DEVICE_ADDRESS: 'ssl:a:6640' }).map((p) => p.variable)).toEqual(['CLUSTER_INSTANCE_ID', 'CLUSTER_DEVICE_ADDRESS']);
  });

  it('reads a complete cluster configuration with defaults', () => {
    const config = loadConfig({
      DATABASE_URL: PG,
      CLUSTER_NATS_URL: 'nats://127.0.0.1:4222, nats://10.0.0.2:4222',
      CLUSTER_INSTANCE_ID: 'ctl-0',
      CLUSTER_DEVICE_ADDRESS: 'ssl:ctl-0.example.net:6640',
      CLUSTER_REDIRECTOR_LISTEN: 'tcp:127.0.0.1:6643',
    });
    expect(config.cluster).toEqual({
      natsUrls: ['nats://127.0.0.1:4222', 'nats://10.0.0.2:4222'],
      instanceId: 'ctl-0',
      deviceAddress: 'ssl:ctl-0.example.net:6640',
      redirectorListen: 'tcp:127.0.0.1:6643',
      leaseMs: 10_000,
      drainPerSecond: 50,
      deviceBackoff: { minS: 1, maxS: 4 },
    });
  });

  it('reads the devices\' reconnect backoff, or off', () => {
    const base = { DATABASE_URL: PG, CLUSTER_NATS_URL: 'nats://127.0.0.1:4222', CLUSTER_INSTANCE_ID: 'a', CLUSTER_DEVICE_ADDRESS: 'tcp:127.0.0.1:6640' };
    expect(loadConfig({ ...base, CLUSTER_DEVICE_BACKOFF: '2-10' }).cluster?.deviceBackoff).toEqual({ minS: 2, maxS: 10 });
    expect(loadConfig({ ...base, CLUSTER_DEVICE_BACKOFF: 'off' }).cluster?.deviceBackoff).toBeNull();
    for (const bad of ['5-2', '0-3', '1-4000', 'fast', '1..5']) {
      expect(problems({ ...base, CLUSTER_DEVICE_BACKOFF: bad }).map((p) => p.variable)).toEqual(['CLUSTER_DEVICE_BACKOFF']);
    }
  });

  it('names every problem at once', () => {
    const found = problems({
      CLUSTER_NATS_URL: 'http://nats:4222',
      CLUSTER_INSTANCE_ID: 'bad id',
      CLUSTER_DEVICE_ADDRESS: 'ssl:[::1]:6640',
      CLUSTER_REDIRECTOR_LISTEN: 'tcp:0.0.0.0:6643 ws:127.0.0.1:1',
      CLUSTER_LEASE_MS: '100',
    });
    expect(found.map((p) => p.variable)).toEqual([
      'CLUSTER_NATS_URL',
      'CLUSTER_NATS_URL',
      'CLUSTER_INSTANCE_ID',
      'CLUSTER_DEVICE_ADDRESS',
      'CLUSTER_REDIRECTOR_LISTEN',
      'CLUSTER_REDIRECTOR_LISTEN',
      'CLUSTER_LEASE_MS',
    ]);
    expect(found[1].message).toMatch(/PostgreSQL/);
    expect(found[4].message).toMatch(/unauthenticated/);
  });

  it('requires the device address', () => {
    expect(problems({ DATABASE_URL: PG, CLUSTER_NATS_URL: 'nats://127.0.0.1:4222', CLUSTER_INSTANCE_ID: 'a' }).map((p) => p.variable)).toEqual(['CLUSTER_DEVICE_ADDRESS']);
  });
});
