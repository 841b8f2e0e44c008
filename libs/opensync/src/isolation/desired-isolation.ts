// The rows that isolate the auxiliary networks of one node, as a pure function of the model
// and what the device already uses (docs/decisions/network-isolation.md). Per isolated network:
// its own bridge (Bridge/Port/Interface, named br-ctl<slot>), the bridge's Wifi_Inet_Config
// (static gateway address, DHCP server, no NAT) and Netfilter rows in filter/NM_FORWARD that
// drop forwarding between the bridge and the home bridge, both ways, and towards every other
// isolated bridge, for IPv4 and IPv6. Traffic to the WAN is left to OpenSync's own rules.
// A network that cannot be isolated on this device is blocked: its VIFs are not written, so
// guests are never put on the home LAN instead.

import { Row } from '@lib/ovsdb';
import { CachedRow, DEFAULT_HOME_BRIDGE, DesiredNetwork } from '../desired/desired-network';
import { isIsolated, isNetworkActive } from '../desired/network-activity';
import { isolatedBridgeName, netfilterRuleName, parseIsolatedBridge } from './isolation-naming';
import { Ipv4Subnet, IsolatedSubnet, isolatedSubnet, subnetOf, SubnetPool, subnetsOverlap } from './subnet-pool';

export const DEFAULT_LEASE_TIME = '12h';
export const NETFILTER_CHAIN = 'NM_FORWARD';
/** Below the priority of anything else the controller writes: the drops are evaluated first. */
export const NETFILTER_PRIORITY = 10;

export interface IsolationOptions {
  pool: SubnetPool;
  /** The LAN bridge the isolated networks are cut off from (default br-home). */
  homeBridge?: string;
  /** DHCP lease time in OpenSync's syntax: a number with h, m or s (default 12h). */
  leaseTime?: string;
}

export interface IsolationDeviceView {
  /** The device's schema has the tables a bridge and its rules need. */
  supported: boolean;
  /** Wifi_Inet_Config and Wifi_Inet_State rows: addresses an isolated subnet must not overlap. */
  inetRows: readonly CachedRow[];
}

export type IsolationBlockReason = 'ISOLATION_UNSUPPORTED' | 'SUBNET_CONFLICT';

export interface DesiredIsolatedNetwork {
  networkId: string;
  slot: number;
  bridge: string;
  subnet: IsolatedSubnet;
  /** Every managed column of the bridge's Wifi_Inet_Config row. */
  inetConfig: Readonly<Row>;
  /** Every managed column of each Netfilter row, by name. */
  netfilter: ReadonlyMap<string, Readonly<Row>>;
}

export interface DesiredIsolation {
  networks: DesiredIsolatedNetwork[];
  /** Isolated networks this node cannot carry, with the reason (their VIFs are skipped). */
  blocked: ReadonlyMap<string, IsolationBlockReason>;
}

export function desiredIsolation(
  networks: readonly DesiredNetwork[],
  now: Date,
  device: IsolationDeviceView,
  options: IsolationOptions,
): DesiredIsolation {
  const home = options.homeBridge ?? DEFAULT_HOME_BRIDGE;
  const blocked = new Map<string, IsolationBlockReason>();
  const used = usedSubnets(device.inetRows);
  const slots = new Set<number>();
  const kept: Array<{ network: DesiredNetwork; bridge: string; subnet: IsolatedSubnet }> = [];
  const candidates = networks.filter((n) => isNetworkActive(n, now) && isIsolated(n)).sort((a, b) => a.slot - b.slot || a.id.localeCompare(b.id));
  for (const network of candidates) {
    // A second network on one slot is reported by desiredVifs (SLOT_CONFLICT); it gets nothing here.
    if (slots.has(network.slot)) continue;
    slots.add(network.slot);
    if (!device.supported) {
      blocked.set(network.id, 'ISOLATION_UNSUPPORTED');
      continue;
    }
    const subnet = isolatedSubnet(options.pool, network.slot);
    const own = subnetOf(subnet.gateway, subnet.netmask);
    if (own === undefined || used.some((u) => subnetsOverlap(u, own))) {
      blocked.set(network.id, 'SUBNET_CONFLICT');
      continue;
    }
    kept.push({ network, bridge: isolatedBridgeName(network.slot), subnet });
  }
  const bridges = kept.map((k) => k.bridge);
  return {
    networks: kept.map(({ network, bridge, subnet }) => ({
      networkId: network.id,
      slot: network.slot,
      bridge,
      subnet,
      inetConfig: inetConfigRow(bridge, subnet, options.leaseTime ?? DEFAULT_LEASE_TIME),
      netfilter: netfilterRows(bridge, [home, ...bridges.filter((b) => b !== bridge)], home),
    })),
    blocked,
  };
}

function inetConfigRow(bridge: string, subnet: IsolatedSubnet, leaseTime: string): Row {
  return {
    if_name: bridge,
    if_type: 'bridge',
    enabled: true,
    network: true,
    NAT: false,
    ip_assign_scheme: 'static',
    inet_addr: subnet.gateway,
    netmask: subnet.netmask,
    dhcpd: new Map([
      ['start', subnet.dhcpStart],
      ['stop', subnet.dhcpStop],
      ['lease_time', leaseTime],
    ]),
  };
}

/** Drops from the bridge to every peer, and from the home bridge to the bridge. */
function netfilterRows(bridge: string, peers: readonly string[], home: string): Map<string, Row> {
  const rows = new Map<string, Row>();
  const pairs: Array<[string, string]> = [...peers.map((peer): [string, string] => [bridge, peer]), [home, bridge]];
  for (const [from, to] of pairs) {
    for (const protocol of ['ipv4', 'ipv6'] as const) {
      const name = netfilterRuleName(from, to, protocol);
      rows.set(name, {
        name,
        enable: true,
        protocol,
        table: 'filter',
        chain: NETFILTER_CHAIN,
        priority: NETFILTER_PRIORITY,
        rule: `-i ${from} -o ${to}`,
        target: 'DROP',
      });
    }
  }
  return rows;
}

/** Subnets in use on the device, other than those of the controller's own bridges. */
function usedSubnets(rows: readonly CachedRow[]): Ipv4Subnet[] {
  const out: Ipv4Subnet[] = [];
  for (const row of rows) {
    if (parseIsolatedBridge(row.if_name) !== null) continue;
    const subnet = subnetOf(row.inet_addr, row.netmask);
    if (subnet !== undefined) out.push(subnet);
  }
  return out;
}
