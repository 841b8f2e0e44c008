import { MAX_SLOT } from '../naming/vif-naming';
import { DEFAULT_SUBNET_POOL, isolatedSubnet, parseSubnetPool, subnetOf, subnetsOverlap } from './subnet-pool';
import { isolatedBridgeName, MAX_NETFILTER_NAME_LENGTH, netfilterRuleName, parseIsolatedBridge } from './isolation-naming';

describe('isolated subnets', () => {
  const pool = parseSubnetPool(DEFAULT_SUBNET_POOL);

  it('gives slot s the s-th /24 of the pool, with gateway, netmask and DHCP range', () => {
    expect(isolatedSubnet(pool, 2)).toEqual({
      cidr: '10.242.2.0/24',
      gateway: '10.242.2.1',
      netmask: '255.255.255.0',
      dhcpStart: '10.242.2.10',
      dhcpStop: '10.242.2.250',
    });
    expect(isolatedSubnet(parseSubnetPool('172.20.8.0/21'), 7).cidr).toBe('172.20.15.0/24');
  });

  it('is deterministic and never overlaps between slots', () => {
    const subnets = Array.from({ length: MAX_SLOT }, (_, i) => isolatedSubnet(pool, i + 1));
    expect(subnets).toEqual(Array.from({ length: MAX_SLOT }, (_, i) => isolatedSubnet(parseSubnetPool(DEFAULT_SUBNET_POOL), i + 1)));
    for (const [i, a] of subnets.entries()) {
      for (const b of subnets.slice(i + 1)) {
        expect(subnetsOverlap(subnetOf(a.gateway, a.netmask)!, subnetOf(b.gateway, b.netmask)!)).toBe(false);
      }
    }
  });

  it('finds overlaps with addresses the device uses', () => {
    const guest = subnetOf('10.242.2.1', '255.255.255.0')!;
    expect(subnetsOverlap(guest, subnetOf('192.168.40.1', '255.255.255.0')!)).toBe(false);
    expect(subnetsOverlap(guest, subnetOf('10.242.2.77', '255.255.255.0')!)).toBe(true);
    expect(subnetsOverlap(guest, subnetOf('10.0.0.1', '255.0.0.0')!)).toBe(true);
    expect(subnetOf('10.0.0.1', '255.0.255.0')).toBeUndefined();
    expect(subnetOf(undefined, '255.255.255.0')).toBeUndefined();
    expect(subnetOf('0.0.0.0', '0.0.0.0')).toBeUndefined();
  });

  it('refuses pools that are not aligned IPv4 CIDRs with room for every slot', () => {
    for (const bad of ['10.242.0.0', '10.242.0.0/24', '10.242.0.0/22', '10.242.1.0/16', '10.242.0.0/7', '300.1.1.0/16', 'x/16', '10.242.0.0/16/1']) {
      expect(() => parseSubnetPool(bad)).toThrow(expect.objectContaining({ code: 'ISOLATION_POOL_INVALID' }));
    }
    expect(parseSubnetPool(' 192.168.64.0/21 ')).toEqual({ base: (192 * 2 ** 24 + 168 * 2 ** 16 + 64 * 256) >>> 0, prefix: 21 });
  });
});

describe('isolation names', () => {
  it('derives bridge names from the slot only, within IFNAMSIZ, and recognises them', () => {
    expect(isolatedBridgeName(2)).toBe('br-ctl2');
    for (let slot = 1; slot <= MAX_SLOT; slot++) {
      expect(isolatedBridgeName(slot).length).toBeLessThanOrEqual(15);
      expect(parseIsolatedBridge(isolatedBridgeName(slot))).toBe(slot);
    }
    expect(() => isolatedBridgeName(8)).toThrow(expect.objectContaining({ code: 'VIF_SLOT_INVALID' }));
    for (const foreign of ['br-home', 'br-wan', 'br-guest', 'br-ctl8', 'br-ctl22', 'xbr-ctl2', undefined]) expect(parseIsolatedBridge(foreign)).toBeNull();
  });

  it('names Netfilter rows by direction and family, within the schema limit', () => {
    expect(netfilterRuleName('br-ctl2', 'br-home', 'ipv4')).toBe('ctl-iso-br-ctl2-br-home-v4');
    expect(netfilterRuleName('a'.repeat(15), 'b'.repeat(15), 'ipv6').length).toBeLessThanOrEqual(MAX_NETFILTER_NAME_LENGTH);
  });
});
