// Network (cpe-network.ts) -> the contract's Network and DeviceNetworkIntersection. The
// passphrase is the WPA Personal password the contract returns to callers holding a network
// scope; it is never logged. `version` changes with every change of the network.

import { SecurityMode, WifiNetworkKind } from '../../wifi-networks/wifi-network-enums';
import { WifiNetwork } from '../../wifi-networks/wifi-network.entity';
import { CpeNetwork, modifiedAt, networkVersion, representative } from './cpe-network';
import { NetworkAuthors } from './network-authors';

const SECURITY_TYPES: Partial<Record<SecurityMode, string>> = {
  [SecurityMode.WPA2_PSK]: 'WPA2-Personal',
  [SecurityMode.WPA2_WPA3]: 'WPA2-WPA3-Personal',
  [SecurityMode.WPA3_SAE]: 'WPA3-Personal',
};

export type NetworkRole = 'primary' | 'auxiliary';

export function roleOf(network: Pick<WifiNetwork, 'kind'>): NetworkRole {
  return network.kind === WifiNetworkKind.PRIMARY ? 'primary' : 'auxiliary';
}

export interface NetworkView {
  id: string;
  description?: string;
  accessDetail: { accessType: 'Wi-Fi'; ssid: string; securityMode?: { password: string; securityModeType: string } };
  expiration?: string;
  devices?: { device: string; role: NetworkRole; removable: boolean }[];
  createdAt: string;
  createdBy?: string;
  modifiedAt: string;
  modifiedBy?: string;
  version: string;
}

export function networkView(cpe: CpeNetwork, withDevices: boolean, authors: NetworkAuthors = {}): NetworkView {
  const network = representative(cpe);
  const type = SECURITY_TYPES[network.securityMode];
  const view: NetworkView = {
    id: cpe.id,
    accessDetail: {
      accessType: 'Wi-Fi',
      ssid: network.ssid,
      ...(type !== undefined && network.passphrase !== null ? { securityMode: { password: network.passphrase, securityModeType: type } } : {}),
    },
    createdAt: network.createdAt.toISOString(),
    ...(authors.createdBy !== undefined ? { createdBy: authors.createdBy } : {}),
    modifiedAt: modifiedAt(cpe).toISOString(),
    ...(authors.modifiedBy !== undefined ? { modifiedBy: authors.modifiedBy } : {}),
    version: networkVersion(cpe),
  };
  if (network.description) view.description = network.description.slice(0, 255);
  if (network.expiresAt !== null) view.expiration = network.expiresAt.toISOString();
  if (withDevices) {
    view.devices = cpe.members.flatMap(({ network: member, site }) => {
      const role = roleOf(member);
      return site.gateway === undefined ? [] : [{ device: site.gateway.id, role, removable: role === 'auxiliary' }];
    });
  }
  return view;
}

export interface DeviceNetworkView {
  network: string;
  role: NetworkRole;
  removable: boolean;
}

/** `id`: the network's id (not its member's). */
export function deviceNetworkView(network: Pick<WifiNetwork, 'id' | 'kind'>): DeviceNetworkView {
  const role = roleOf(network);
  return { network: network.id, role, removable: role === 'auxiliary' };
}
