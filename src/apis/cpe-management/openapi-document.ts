// The project's own OpenAPI 3.0.3 document of the CPE Management API as implemented here
// (served at /cpe-management/v0/openapi.json): the paths built so far, their schemas (a
// subset of the contract's, same names), the OAuth flows of this server and the scopes.

import { OAuthScopes } from '../../oauth/oauth-scopes';
import { BULK_DEVICE_UPDATE_SCHEMA, BULK_NETWORK_UPDATE_SCHEMA } from './network-placement';
import { NETWORK_CREATE_SCHEMA, NETWORK_UPDATE_SCHEMA } from './network-writes';

const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
const error = (description: string): object => ({ description, content: { 'application/json': { schema: ref('ErrorInfo') } } });
const ok = (description: string, schema: string, paginated = false): object => ({
  description,
  ...(paginated ? { headers: { Link: { description: 'With `limit`: the next page, `<…?limit=n&cursor=c>; rel="next"`.', schema: { type: 'string' } } } } : {}),
  content: { 'application/json': { schema: ref(schema) } },
});
const errors = {
  '400': error('Invalid argument (INVALID_ARGUMENT)'),
  '401': error('No valid access token (UNAUTHENTICATED)'),
  '403': error('A required scope is missing (PERMISSION_DENIED)'),
  '429': error('Rate limit of the API client exceeded (TOO_MANY_REQUESTS); see Retry-After'),
  '500': error('Internal error (INTERNAL_SERVER_ERROR)'),
};
const pageParams = [
  { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000 }, description: 'Page size; omitted: the whole list.' },
  { name: 'cursor', in: 'query', required: false, schema: { type: 'string' }, description: 'From the Link header of the previous page.' },
];
const idParam = (name: string, description: string): object => ({ name, in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 64 }, description });

export function cpeOpenApiDocument(): object {
  const scopes = Object.fromEntries(OAuthScopes.all().filter((s) => s.name.startsWith('cpe-management-')).map((s) => [s.name, s.description]));
  return {
    openapi: '3.0.3',
    info: {
      title: 'CPE Management API',
      version: '0.0.1',
      description:
        'Service sites (locations), devices (a location\'s nodes shown as one: the gateway), isolated networks (reading), reboot requests, as implemented by this controller. Scopes shape the output; see docs/cpe-management.md.',
    },
    servers: [{ url: '/cpe-management/v0' }],
    security: [{ oauth2: [] }],
    paths: {
      '/service-sites': { get: { operationId: 'getServiceSites', tags: ['Service Sites'], parameters: pageParams, responses: { '200': ok('All service sites', 'ServiceSiteList', true), ...errors } } },
      '/service-sites/{siteId}': {
        get: { operationId: 'getServiceSite', tags: ['Service Sites'], parameters: [idParam('siteId', 'The service site')], responses: { '200': ok('The service site', 'ServiceSite'), '404': error('No such service site (NOT_FOUND)'), ...errors } },
      },
      '/service-sites/{siteId}/devices': {
        get: { operationId: 'getDevicesByServiceSite', tags: ['Service Sites', 'Devices'], parameters: [idParam('siteId', 'The service site')], responses: { '200': ok('The devices at the site', 'DeviceList'), '404': error('No such service site (NOT_FOUND)'), ...errors } },
      },
      '/service-sites/{siteId}/isolated-networks': {
        get: { operationId: 'getNetworksByServiceSite', tags: ['Service Sites', 'Isolated Networks'], parameters: [idParam('siteId', 'The service site')], responses: { '200': ok('The networks at the site', 'NetworkList'), '404': error('No such service site (NOT_FOUND)'), ...errors } },
      },
      '/devices/{deviceId}/isolated-networks': {
        get: { operationId: 'getNetworksByDevice', tags: ['Devices', 'Isolated Networks'], parameters: [idParam('deviceId', 'The device')], responses: { '200': ok('The networks on the device', 'NetworkList'), '404': error('No such device (NOT_FOUND)'), ...errors } },
        patch: {
          operationId: 'patchDeviceWithNetworks',
          tags: ['Devices', 'Isolated Networks'],
          description: 'Inserts networks on the device (nothing for one already there), removes them (nothing for one not there; 400 NETWORK_NOT_REMOVABLE for a primary network), or replaces one with another (the device\'s primary network too, with the primary-write role: it takes the other network\'s settings). A network left on no device is deleted. Checked as a whole first: a refused request changes nothing.',
          parameters: [idParam('deviceId', 'The device')],
          requestBody: { required: true, content: { 'application/json': { schema: ref('BulkNetworkUpdate') } } },
          responses: { ...errors, '204': { description: 'Done' }, '400': error('A primary network removed (NETWORK_NOT_REMOVABLE), or a bad body (INVALID_ARGUMENT)'), '404': error('Devices or networks that do not exist, all named (NOT_FOUND)') },
        },
      },
      '/isolated-networks/{netId}/devices': {
        get: { operationId: 'getDevicesByNetwork', tags: ['Devices', 'Isolated Networks'], parameters: [idParam('netId', 'The network')], responses: { '200': ok('The device the network is on (its service site\'s)', 'DeviceList'), '404': error('No such network (NOT_FOUND)'), ...errors } },
        patch: {
          operationId: 'patchDevicesWithNetwork',
          tags: ['Devices', 'Isolated Networks'],
          description: 'Puts the network on devices (nothing where it is already), takes it off devices (nothing where it is not; 400 NETWORK_NOT_REMOVABLE where it is the primary network), or puts it in place of another network on a device (the device\'s primary network too, with the primary-write role). A network left on no device is deleted. Checked as a whole first: a refused request changes nothing.',
          parameters: [idParam('netId', 'The network')],
          requestBody: { required: true, content: { 'application/json': { schema: ref('BulkDeviceUpdate') } } },
          responses: { ...errors, '204': { description: 'Done' }, '400': error('A primary network removed (NETWORK_NOT_REMOVABLE), or a bad body (INVALID_ARGUMENT)'), '404': error('Networks or devices that do not exist, all named (NOT_FOUND)') },
        },
      },
      '/isolated-networks': {
        get: { operationId: 'getNetworks', tags: ['Isolated Networks'], responses: { '200': ok('The networks the caller\'s roles reach', 'NetworkList'), ...errors, '403': error('A required scope is missing (PERMISSION_DENIED), or no devices scope and no default device (DEFAULT_DEVICE_NOT_SUPPORTED)') } },
        post: {
          operationId: 'createNetwork',
          tags: ['Isolated Networks'],
          requestBody: { required: true, content: { 'application/json': { schema: ref('NetworkCreate') } } },
          responses: {
            '201': ok('The new (auxiliary) network, owned by the calling client', 'Network'),
            ...errors,
            '403': error('A required scope is missing (PERMISSION_DENIED), or no devices and no default device (DEFAULT_DEVICE_NOT_SUPPORTED)'),
            '501': error('Enterprise security modes (NOT_IMPLEMENTED)'),
          },
        },
      },
      '/isolated-networks/{netId}': {
        get: {
          operationId: 'getNetwork',
          tags: ['Isolated Networks'],
          parameters: [idParam('netId', 'The network')],
          responses: { '200': { ...(ok('The network; ETag: its version', 'Network') as object), headers: { ETag: { description: 'The network version, quoted.', schema: { type: 'string' } } } }, '404': error('No such network (NOT_FOUND)'), ...errors },
        },
        patch: {
          operationId: 'updateNetwork',
          tags: ['Isolated Networks'],
          parameters: [idParam('netId', 'The network'), { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'The version (ETag) the change is based on.' }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('NetworkUpdate') } } },
          responses: {
            '200': ok('The changed network', 'Network'),
            '404': error('No such network for the caller\'s write roles (NOT_FOUND)'),
            '412': error('The network changed since the If-Match version (PRECONDITION_FAILED)'),
            '501': error('Enterprise security modes (NOT_IMPLEMENTED)'),
            ...errors,
          },
        },
        delete: {
          operationId: 'deleteNetwork',
          tags: ['Isolated Networks'],
          parameters: [idParam('netId', 'The network'), { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' } }],
          responses: { '204': { description: 'Deleted' }, '404': error('No such network (NOT_FOUND)'), '412': error('Changed since the If-Match version (PRECONDITION_FAILED)'), ...errors, '400': error('The primary network (NETWORK_NOT_REMOVABLE), or invalid argument') },
        },
      },
      '/reboot-requests': {
        get: { operationId: 'getRebootRequests', tags: ['Reboot Requests'], responses: { '200': ok('The reboot requests this client created', 'RebootRequestList'), ...errors } },
        post: {
          operationId: 'createRebootRequest',
          tags: ['Reboot Requests'],
          requestBody: { required: true, content: { 'application/json': { schema: ref('RebootRequestCreate') } } },
          responses: { '201': ok('The reboot request (a REBOOT device operation)', 'RebootRequest'), ...errors, '403': error('A required scope is missing (PERMISSION_DENIED), or no devices and no default device (DEFAULT_DEVICE_NOT_SUPPORTED)') },
        },
      },
      '/reboot-requests/{rebootId}': {
        get: { operationId: 'getRebootRequest', tags: ['Reboot Requests'], parameters: [idParam('rebootId', 'The reboot request')], responses: { '200': ok('The reboot request', 'RebootRequest'), '404': error('No such reboot request (NOT_FOUND)'), ...errors } },
        patch: {
          operationId: 'updateRebootRequest',
          tags: ['Reboot Requests'],
          parameters: [idParam('rebootId', 'The reboot request')],
          requestBody: { required: true, content: { 'application/json': { schema: ref('RebootRequestUpdate') } } },
          responses: { '200': ok('The changed reboot request', 'RebootRequest'), '404': error('No such reboot request (NOT_FOUND)'), '409': error('The reboot has started (CONFLICT)'), ...errors },
        },
        delete: {
          operationId: 'deleteRebootRequest',
          tags: ['Reboot Requests'],
          parameters: [idParam('rebootId', 'The reboot request')],
          responses: { '204': { description: 'Cancelled' }, '404': error('No such reboot request (NOT_FOUND)'), '409': error('The reboot has already run (CONFLICT)'), ...errors },
        },
      },
      '/devices': { get: { operationId: 'getDevices', tags: ['Devices'], parameters: pageParams, responses: { '200': ok('All devices', 'DeviceList', true), ...errors } } },
      '/devices/{deviceId}': {
        get: { operationId: 'getDevice', tags: ['Devices'], parameters: [idParam('deviceId', 'The device')], responses: { '200': ok('The device', 'Device'), '404': error('No such device (NOT_FOUND)'), ...errors } },
      },
    },
    components: {
      securitySchemes: {
        oauth2: {
          type: 'oauth2',
          description: 'OAuth 2.0 of this controller (issuer: /oauth; discovery at /oauth/.well-known/openid-configuration). PKCE (S256) is required.',
          flows: {
            authorizationCode: { authorizationUrl: '/oauth/auth', tokenUrl: '/oauth/token', refreshUrl: '/oauth/token', scopes },
            clientCredentials: { tokenUrl: '/oauth/token', scopes },
          },
        },
      },
      schemas: {
        ErrorInfo: {
          type: 'object',
          properties: { status: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' } },
          required: ['status', 'code', 'message'],
        },
        PropertyAddress: {
          type: 'object',
          properties: {
            addressLine1: { type: 'string', maxLength: 128 },
            city: { type: 'string', maxLength: 128 },
            postCode: { type: 'string', maxLength: 64 },
            country: { type: 'string', maxLength: 64 },
          },
        },
        ServiceSite: {
          type: 'object',
          properties: {
            id: { type: 'string', minLength: 1, maxLength: 64 },
            name: { type: 'string', maxLength: 64 },
            devices: { type: 'array', items: { type: 'string' }, description: 'With a devices scope.' },
            location: { type: 'object', properties: { propertyAddress: ref('PropertyAddress') }, description: 'With cpe-management-service-sites-location-read.' },
          },
          required: ['id'],
        },
        ServiceSiteList: { type: 'array', items: ref('ServiceSite') },
        Device: {
          type: 'object',
          properties: {
            id: { type: 'string', minLength: 1, maxLength: 64 },
            name: { type: 'string', minLength: 1, maxLength: 100 },
            description: { type: 'string', maxLength: 255 },
            hardwareAddress: {
              type: 'object',
              description: 'With cpe-management-devices-hardware-address-read.',
              properties: { hardwareAddressType: { type: 'string', enum: ['EUI-48'] }, value: { type: 'string', pattern: '^([0-9A-Fa-f]{2}[:-]){5}([0-9A-Fa-f]{2})$' } },
              required: ['hardwareAddressType', 'value'],
            },
            serviceSite: { type: 'string', description: 'With a service sites scope.' },
            networks: { ...ref('DeviceNetworkIntersectionList'), description: 'The networks on the device the caller\'s roles reach, with a network scope.' },
            maxAuxiliaryNetworks: { type: 'integer', minimum: 1, description: 'With the auxiliary networks role.' },
          },
          required: ['id'],
        },
        DeviceList: { type: 'array', items: ref('Device') },
        NetworkRole: { type: 'string', enum: ['primary', 'auxiliary'] },
        DeviceNetworkIntersection: {
          type: 'object',
          properties: { network: { type: 'string', minLength: 1, maxLength: 64 }, role: ref('NetworkRole'), removable: { type: 'boolean' } },
          required: ['network'],
        },
        DeviceNetworkIntersectionList: { type: 'array', items: ref('DeviceNetworkIntersection') },
        Network: {
          type: 'object',
          properties: {
            id: { type: 'string', minLength: 1, maxLength: 64 },
            description: { type: 'string', maxLength: 255 },
            accessDetail: {
              type: 'object',
              properties: {
                accessType: { type: 'string', enum: ['Wi-Fi'] },
                ssid: { type: 'string', minLength: 2, maxLength: 32 },
                securityMode: {
                  type: 'object',
                  properties: { password: { type: 'string', maxLength: 255 }, securityModeType: { type: 'string', enum: ['WPA2-Personal', 'WPA2-WPA3-Personal', 'WPA3-Personal'] } },
                  required: ['password'],
                },
              },
              required: ['accessType'],
            },
            expiration: { type: 'string', format: 'date-time' },
            devices: {
              type: 'array',
              description: 'With a devices scope.',
              items: { type: 'object', properties: { device: { type: 'string' }, role: ref('NetworkRole'), removable: { type: 'boolean' } }, required: ['device'] },
            },
            createdAt: { type: 'string', format: 'date-time' },
            createdBy: { type: 'string', maxLength: 100, description: 'Who created the network: the client_id of an API client, or user:<id> for the operator\'s staff.' },
            modifiedAt: { type: 'string', format: 'date-time' },
            modifiedBy: { type: 'string', maxLength: 100, description: 'Who changed the network last, named as createdBy.' },
            version: { type: 'string', minLength: 1, maxLength: 64 },
          },
          required: ['id', 'accessDetail'],
        },
        NetworkList: { type: 'array', items: ref('Network') },
        NetworkUpdate: NETWORK_UPDATE_SCHEMA,
        NetworkCreate: NETWORK_CREATE_SCHEMA,
        BulkNetworkUpdate: BULK_NETWORK_UPDATE_SCHEMA,
        BulkDeviceUpdate: BULK_DEVICE_UPDATE_SCHEMA,
        RebootRequestCreate: {
          type: 'object',
          additionalProperties: false,
          properties: {
            message: { type: 'string', maxLength: 255 },
            atTime: { type: 'string', format: 'date-time', description: 'Omitted: at once.' },
            devices: { type: 'array', minItems: 1, maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 64 }, description: 'Omitted: the default device.' },
          },
        },
        RebootRequestUpdate: { type: 'object', additionalProperties: false, properties: { message: { type: 'string', maxLength: 255 }, atTime: { type: 'string', format: 'date-time' } } },
        RebootRequest: {
          type: 'object',
          properties: {
            id: { type: 'string', minLength: 1, maxLength: 64 },
            devices: { type: 'array', items: { type: 'string' } },
            message: { type: 'string', maxLength: 255 },
            atTime: { type: 'string', format: 'date-time' },
            createdAt: { type: 'string', format: 'date-time' },
            createdBy: { type: 'string', maxLength: 100, description: 'The client_id of the API client.' },
            modifiedAt: { type: 'string', format: 'date-time' },
            modifiedBy: { type: 'string', maxLength: 100 },
          },
          required: ['id'],
        },
        RebootRequestList: { type: 'array', items: ref('RebootRequest') },
      },
    },
  };
}
