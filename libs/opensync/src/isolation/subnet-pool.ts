// The IPv4 subnets of isolated networks: one /24 per network slot, taken from a configurable
// pool (default 10.242.0.0/16), so a network has the same subnet on every node of its
// location and keeps it for its lifetime. Slot s gets the s-th /24 of the pool: with the
// default, slot 2 is 10.242.2.0/24, gateway 10.242.2.1, DHCP 10.242.2.10-10.242.2.250.
// Subnets of different slots never overlap; a clash with an address the device already
// uses (br-home's LAN, the WAN) is found per node by subnetsOverlap.

import { OpensyncError } from '../errors';
import { MAX_SLOT } from '../naming/vif-naming';

export const DEFAULT_SUBNET_POOL = '10.242.0.0/16';
/** A pool must hold one /24 per slot 0..MAX_SLOT. */
export const MAX_POOL_PREFIX = 24 - Math.ceil(Math.log2(MAX_SLOT + 1));

export interface SubnetPool {
  /** Network address as an unsigned 32-bit number. */
  base: number;
  prefix: number;
}

export interface Ipv4Subnet {
  network: number;
  prefix: number;
}

export interface IsolatedSubnet {
  /** 10.242.2.0/24 */
  cidr: string;
  /** The bridge's own address, the clients' gateway and DNS: the first host. */
  gateway: string;
  netmask: string;
  dhcpStart: string;
  dhcpStop: string;
}

export function parseIpv4(text: string): number | undefined {
  const parts = text.trim().split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff - (2 ** (32 - prefix) - 1)) >>> 0;
}

/** "10.242.0.0/16" -> pool; refuses text that is not an aligned IPv4 CIDR of prefix 8..21. */
export function parseSubnetPool(cidr: string): SubnetPool {
  const [addr, len, ...rest] = cidr.trim().split('/');
  const base = parseIpv4(addr ?? '');
  const prefix = /^[0-9]{1,2}$/.test(len ?? '') ? Number(len) : NaN;
  const invalid = (why: string): OpensyncError =>
    new OpensyncError('ISOLATION_POOL_INVALID', `isolated subnet pool ${JSON.stringify(cidr)}: ${why}`, { cidr });
  if (base === undefined || rest.length > 0 || Number.isNaN(prefix)) throw invalid('not an IPv4 CIDR such as 10.242.0.0/16');
  if (prefix < 8 || prefix > MAX_POOL_PREFIX) throw invalid(`the prefix must be 8 to ${MAX_POOL_PREFIX} (room for a /24 per slot)`);
  if (((base & ~maskOf(prefix)) >>> 0) !== 0) throw invalid('host bits are set; give the network address');
  return { base, prefix };
}

export function isolatedSubnet(pool: SubnetPool, slot: number): IsolatedSubnet {
  const network = pool.base + slot * 256;
  return {
    cidr: `${formatIpv4(network)}/24`,
    gateway: formatIpv4(network + 1),
    netmask: '255.255.255.0',
    dhcpStart: formatIpv4(network + 10),
    dhcpStop: formatIpv4(network + 250),
  };
}

/** The subnet of an interface address and netmask; undefined when either is missing or malformed. */
export function subnetOf(inetAddr: unknown, netmask: unknown): Ipv4Subnet | undefined {
  if (typeof inetAddr !== 'string' || typeof netmask !== 'string') return undefined;
  const addr = parseIpv4(inetAddr);
  const mask = parseIpv4(netmask);
  if (addr === undefined || mask === undefined || addr === 0) return undefined;
  const prefix = 32 - Math.log2(2 ** 32 - mask);
  if (!Number.isInteger(prefix)) return undefined;
  return { network: (addr & maskOf(prefix)) >>> 0, prefix };
}

export function subnetsOverlap(a: Ipv4Subnet, b: Ipv4Subnet): boolean {
  const prefix = Math.min(a.prefix, b.prefix);
  const mask = maskOf(prefix);
  return ((a.network & mask) >>> 0) === ((b.network & mask) >>> 0);
}
