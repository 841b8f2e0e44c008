// An isolated network of the CPE Management API in this mapping: one WiFi network per
// device it is on (a device is a location's nodes shown as one, so one member per
// location). A network on one device is that WiFi network, and has its id; a network on
// several devices is held together by cpe_network_members rows naming the network's id,
// which outlives the member it was first (removing the network from its first device keeps
// the id). Pure: grouping, the representative member, the version.

import { createHash } from 'node:crypto';
import { WifiNetwork } from '../../wifi-networks/wifi-network.entity';
import { SiteWithGateway } from './cpe-sites.service';

export interface NetworkMember {
  network: WifiNetwork;
  site: SiteWithGateway;
}

export interface CpeNetwork {
  id: string;
  /** Never empty (a network on no device no longer exists); only the caller's service owner's. */
  members: NetworkMember[];
  /** Also on devices of other service owners (a group-wide client placed it there), not in `members`. */
  elsewhere?: boolean;
}

/** The member whose settings the network shows (all members carry the same): the first one, else the oldest. */
export function representative(network: CpeNetwork): WifiNetwork {
  return (network.members.find((m) => m.network.id === network.id) ?? network.members[0]).network;
}

/** The network id of a WiFi network: its link's, else its own. */
export function networkIdOf(wifiNetworkId: string, links: ReadonlyMap<string, string>): string {
  return links.get(wifiNetworkId) ?? wifiNetworkId;
}

/** WiFi networks with their sites grouped into networks, ordered by network id. */
export function groupMembers(members: readonly NetworkMember[], links: ReadonlyMap<string, string>): CpeNetwork[] {
  const byId = new Map<string, NetworkMember[]>();
  for (const member of members) {
    const id = networkIdOf(member.network.id, links);
    byId.set(id, [...(byId.get(id) ?? []), member]);
  }
  return [...byId.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, list]) => ({ id, members: [...list].sort((a, b) => a.network.createdAt.getTime() - b.network.createdAt.getTime() || (a.network.id < b.network.id ? -1 : 1)) }));
}

/** When the network last changed: its members' newest change. */
export function modifiedAt(network: CpeNetwork): Date {
  return new Date(Math.max(...network.members.map((m) => m.network.updatedAt.getTime())));
}

/** Changes with every change of a member and with every device it is put on or taken off. */
export function networkVersion(network: CpeNetwork): string {
  const members = network.members.map((m) => `${m.network.id}@${m.network.updatedAt.toISOString()}`).sort();
  return createHash('sha256').update(`${network.id}\n${members.join('\n')}`).digest('base64url').slice(0, 16);
}
