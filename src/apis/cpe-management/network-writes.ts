// The request body of PATCH /isolated-networks/{netId} (the contract's NetworkUpdate,
// closed) and its translation to the WiFi network domain. Enterprise security modes are
// valid input but not built: 501 NOT_IMPLEMENTED.

import { ApiError, ApiErrorCode } from '../../oauth/bearer/api-error';
import { SecurityMode } from '../../wifi-networks/wifi-network-enums';
import { WifiNetwork } from '../../wifi-networks/wifi-network.entity';

const PERSONAL = ['WPA2-Personal', 'WPA2-WPA3-Personal', 'WPA3-Personal'] as const;
const ENTERPRISE = ['WPA2-Enterprise', 'WPA3-Enterprise'] as const;

export interface NetworkUpdateBody {
  description?: string;
  expiration?: string | null;
  accessDetail?: {
    accessType: 'Wi-Fi';
    ssid?: string;
    securityMode?: { password?: string; authServer?: string; securityModeType?: string };
  };
}

export const NETWORK_UPDATE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    description: { type: 'string', maxLength: 255 },
    expiration: { type: ['string', 'null'], format: 'date-time' },
    accessDetail: {
      type: 'object',
      additionalProperties: false,
      required: ['accessType'],
      properties: {
        accessType: { type: 'string', enum: ['Wi-Fi'] },
        ssid: { type: 'string', minLength: 2, maxLength: 32 },
        securityMode: {
          oneOf: [
            {
              type: 'object',
              additionalProperties: false,
              required: ['password'],
              properties: { password: { type: 'string', maxLength: 255 }, securityModeType: { type: 'string', enum: [...PERSONAL] } },
            },
            {
              type: 'object',
              additionalProperties: false,
              required: ['securityModeType'],
              properties: { authServer: { type: 'string', maxLength: 255 }, securityModeType: { type: 'string', enum: [...ENTERPRISE] } },
            },
          ],
        },
      },
    },
  },
};

const MODES: Record<(typeof PERSONAL)[number], SecurityMode> = {
  'WPA2-Personal': SecurityMode.WPA2_PSK,
  'WPA2-WPA3-Personal': SecurityMode.WPA2_WPA3,
  'WPA3-Personal': SecurityMode.WPA3_SAE,
};

export interface DomainNetworkUpdate {
  ssid?: string;
  securityMode?: SecurityMode;
  passphrase?: string;
  expiresAt?: Date | null;
  description?: string | null;
}

/** The domain change for `body` on `current`; a blank security type keeps a WPA mode, or picks WPA2/WPA3. */
export function domainUpdate(body: NetworkUpdateBody, current: WifiNetwork): DomainNetworkUpdate {
  const update: DomainNetworkUpdate = {};
  if (body.description !== undefined) update.description = body.description === '' ? null : body.description;
  if (body.expiration !== undefined) update.expiresAt = body.expiration === null ? null : new Date(body.expiration);
  const access = body.accessDetail;
  if (access?.ssid !== undefined) update.ssid = access.ssid;
  const security = access?.securityMode;
  if (security !== undefined) {
    const type = security.securityModeType;
    if (type !== undefined && (ENTERPRISE as readonly string[]).includes(type)) {
      throw new ApiError(501, ApiErrorCode.NOT_IMPLEMENTED, `${type} is not supported by this controller`);
    }
    update.passphrase = security.password;
    update.securityMode =
      type !== undefined ? MODES[type as (typeof PERSONAL)[number]] : current.securityMode === SecurityMode.OPEN ? SecurityMode.WPA2_WPA3 : current.securityMode;
  }
  return update;
}

/** If-Match against the current version: absent passes; a different one is 412. */
export function checkIfMatch(header: string | string[] | undefined, version: string): void {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value === undefined || value.trim() === '*') return;
  const tags = value.split(',').map((t) => t.trim().replace(/^W\//, '').replace(/^"|"$/g, ''));
  if (!tags.includes(version)) throw new ApiError(412, ApiErrorCode.PRECONDITION_FAILED, 'the network has changed since that version (If-Match)');
}

export interface NetworkCreateBody extends NetworkUpdateBody {
  accessDetail: NonNullable<NetworkUpdateBody['accessDetail']>;
  devices?: { device: string; role?: 'primary' | 'auxiliary' }[];
}

export const NETWORK_CREATE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['accessDetail'],
  properties: {
    ...NETWORK_UPDATE_SCHEMA.properties,
    devices: {
      type: 'array',
      minItems: 1,
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['device'],
        properties: { device: { type: 'string', minLength: 1, maxLength: 64 }, role: { type: 'string', enum: ['primary', 'auxiliary'] } },
      },
    },
  },
};

/** The domain's new GUEST network for `body` (an open network without a security mode). */
export function domainCreate(body: NetworkCreateBody): DomainNetworkUpdate & { ssid: string; securityMode: SecurityMode } {
  const type = body.accessDetail.securityMode?.securityModeType;
  if (type !== undefined && (ENTERPRISE as readonly string[]).includes(type)) {
    throw new ApiError(501, ApiErrorCode.NOT_IMPLEMENTED, `${type} is not supported by this controller`);
  }
  const security = body.accessDetail.securityMode;
  return {
    ssid: body.accessDetail.ssid ?? '',
    securityMode: security === undefined ? SecurityMode.OPEN : type !== undefined ? MODES[type as (typeof PERSONAL)[number]] : SecurityMode.WPA2_WPA3,
    ...(security?.password !== undefined ? { passphrase: security.password } : {}),
    ...(body.expiration ? { expiresAt: new Date(body.expiration) } : {}),
    ...(body.description ? { description: body.description } : {}),
  };
}
