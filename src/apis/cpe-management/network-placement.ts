// Placing networks on devices (PATCH /devices/{id}/isolated-networks, PATCH
// /isolated-networks/{id}/devices) in this mapping: a network lives at its service site, so
// it is on that site's device and on no other. Inserting it on its own device is a no-op
// success; on another site's device, one network on several devices, which is not built
// (501). Removing it from its own device would leave it on none (the contract's automatic
// deletion): the primary network is not removable (400), an auxiliary one is removed with
// DELETE /isolated-networks/{id} instead (501 here). Removing it from a device it is not on
// changes nothing. Replacements are not built (501). Pure: the controller reads, this decides.

import { ApiError, ApiErrorCode } from '../../oauth/bearer/api-error';
import { NetworkRole } from './network-views';

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
        required: ['replace'],
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
        required: ['device'],
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

/** One pairing of a network and a device the request names, with where each lives. */
export interface Placement {
  op: 'insert' | 'delete';
  networkId: string;
  role: NetworkRole;
  networkSiteId: string;
  deviceId: string;
  deviceSiteId: string;
}

/** Refuses replacements (not built); nothing is checked or written before. */
export function refuseReplacements(body: BulkUpdateBody): void {
  if ((body.replace?.length ?? 0) > 0) throw new ApiError(501, ApiErrorCode.NOT_IMPLEMENTED, 'replacing networks on devices is not supported yet');
}

/** Checks every placement first, so a refused request changes nothing (all are no-ops today). */
export function checkPlacements(placements: readonly Placement[]): void {
  for (const p of placements) {
    const own = p.networkSiteId === p.deviceSiteId;
    if (p.op === 'insert' && !own) {
      throw new ApiError(501, ApiErrorCode.NOT_IMPLEMENTED, `network ${p.networkId} lives at another service site than device ${p.deviceId}: one network on several devices is not supported yet`);
    }
    if (p.op === 'delete' && own && p.role === 'primary') {
      throw new ApiError(400, ApiErrorCode.NETWORK_NOT_REMOVABLE, `the primary network ${p.networkId} is not removable from its device`);
    }
    if (p.op === 'delete' && own) {
      throw new ApiError(501, ApiErrorCode.NOT_IMPLEMENTED, `network ${p.networkId} is on no other device: removing it from ${p.deviceId} would delete it; use DELETE /isolated-networks/${p.networkId}`);
    }
  }
}
