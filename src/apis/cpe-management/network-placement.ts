// Placing networks on devices (PATCH /devices/{id}/isolated-networks, PATCH
// /isolated-networks/{id}/devices, POST /isolated-networks with several devices). A network
// has one member (WiFi network) per device it is on (cpe-network.ts). Inserting it on a
// device where it is already is a no-op; on another device, a new auxiliary member there.
// Removing it from a device takes that member away (a primary member is not removable: 400
// NETWORK_NOT_REMOVABLE); removing it from a device it is not on changes nothing; the last
// member removed, the network is gone (the contract's automatic deletion). A replacement on
// a device takes the replaced network off and puts the other on; for the primary network of
// the device, the device's primary WiFi network takes the other network's settings and
// becomes its member there (the device always has a primary network; one that expires
// cannot be primary). Pure: every step is planned and checked before anything is written.

import { ApiError, ApiErrorCode } from '../../oauth/bearer/api-error';
import { WifiNetworkKind } from '../../wifi-networks/wifi-network-enums';
import { WifiNetwork } from '../../wifi-networks/wifi-network.entity';
import { CpeNetwork, representative } from './cpe-network';
import { SiteWithGateway } from './cpe-sites.service';

const ID_LIST = { type: 'array', maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 64 } };

export const BULK_NETWORK_UPDATE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    insert: ID_LIST,
    delete: ID_LIST,
    replace: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['replace', 'with'],
        properties: { replace: { type: 'string', minLength: 1, maxLength: 64 }, with: { type: 'string', minLength: 1, maxLength: 64 } },
      },
    },
  },
};

export const BULK_DEVICE_UPDATE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    insert: ID_LIST,
    delete: ID_LIST,
    replace: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['device', 'replace'],
        properties: { device: { type: 'string', minLength: 1, maxLength: 64 }, replace: { type: 'string', minLength: 1, maxLength: 64 } },
      },
    },
  },
};

export interface BulkUpdateBody {
  insert?: string[];
  delete?: string[];
  replace?: object[];
}

/** One change the request asks for on one device: `network` put on it, `off` taken off. */
export interface PlacementRequest {
  device: { id: string; site: SiteWithGateway };
  on?: CpeNetwork;
  off?: CpeNetwork;
  /** A replacement (off and on together): `off` must be on the device. */
  replacement?: boolean;
}

export type PlacementStep =
  | { kind: 'create'; network: CpeNetwork; site: SiteWithGateway }
  | { kind: 'remove'; network: CpeNetwork; member: WifiNetwork }
  /** The device's primary WiFi network takes `network`'s settings and becomes its member there. */
  | { kind: 'adopt'; network: CpeNetwork; member: WifiNetwork };

function memberAt(network: CpeNetwork, siteId: string): WifiNetwork | undefined {
  return network.members.find((m) => m.site.location.id === siteId)?.network;
}

/** The writes for `requests`, or the error of the first refused one (nothing written then). */
export function planPlacements(requests: readonly PlacementRequest[]): PlacementStep[] {
  const steps: PlacementStep[] = [];
  const touched = new Set<string>();
  for (const r of requests) {
    const siteId = r.device.site.location.id;
    for (const network of [r.on, r.off]) {
      if (network === undefined) continue;
      const key = `${network.id} ${r.device.id}`;
      if (touched.has(key)) throw ApiError.invalidArgument(`network ${network.id} is named twice for device ${r.device.id}`);
      touched.add(key);
    }
    if (r.off !== undefined) {
      const member = memberAt(r.off, siteId);
      if (member === undefined && r.replacement === true) throw ApiError.invalidArgument(`network ${r.off.id} is not on device ${r.device.id}: nothing to replace`);
      if (member !== undefined && member.kind === WifiNetworkKind.PRIMARY) {
        if (r.replacement !== true || r.on === undefined) throw new ApiError(400, ApiErrorCode.NETWORK_NOT_REMOVABLE, `the primary network ${r.off.id} is not removable from device ${r.device.id}: replace it`);
        // The device keeps a primary network: its WiFi network takes the other's settings.
        if (representative(r.on).expiresAt !== null) throw ApiError.invalidArgument(`network ${r.on.id} expires: it cannot be the primary network of device ${r.device.id}`);
        const existing = memberAt(r.on, siteId);
        if (existing !== undefined) steps.push({ kind: 'remove', network: r.on, member: existing });
        steps.push({ kind: 'adopt', network: r.on, member });
        continue;
      }
      if (member !== undefined) steps.push({ kind: 'remove', network: r.off, member });
    }
    if (r.on !== undefined && memberAt(r.on, siteId) === undefined) steps.push({ kind: 'create', network: r.on, site: r.device.site });
  }
  return steps;
}
