import { isolatedSubnet } from '@lib/opensync';
import { ConfigError } from '../config/config-error';
import { loadReconcilerConfig } from './reconciler-config';

describe('loadReconcilerConfig: isolated networks', () => {
  it('defaults to 10.242.0.0/16 and 12 h leases, and takes another pool and lease time', () => {
    const defaults = loadReconcilerConfig({});
    expect(isolatedSubnet(defaults.isolation.pool, 2).cidr).toBe('10.242.2.0/24');
    expect(defaults.isolation).toMatchObject({ homeBridge: 'br-home', leaseTime: '12h' });
    const custom = loadReconcilerConfig({ ISOLATED_SUBNET_POOL: '172.31.0.0/20', ISOLATED_DHCP_LEASE_TIME: '30m' });
    expect(isolatedSubnet(custom.isolation.pool, 7).cidr).toBe('172.31.7.0/24');
    expect(custom.isolation.leaseTime).toBe('30m');
  });

  it('names every invalid variable at once', () => {
    let error: unknown;
    try {
      loadReconcilerConfig({ ISOLATED_SUBNET_POOL: '10.242.0.0/24', ISOLATED_DHCP_LEASE_TIME: '12 hours' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable)).toEqual(['ISOLATED_SUBNET_POOL', 'ISOLATED_DHCP_LEASE_TIME']);
    expect((error as ConfigError).problems[0].message).toMatch(/prefix must be 8 to 21/);
  });
});
