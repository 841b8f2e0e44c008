// The request bodies of POST and PATCH /reboot-requests (the contract's RebootRequestCreate
// and RebootRequestUpdate, closed).

export interface RebootRequestCreate {
  message?: string;
  atTime?: string;
  devices?: string[];
}

export const REBOOT_REQUEST_CREATE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    message: { type: 'string', maxLength: 255 },
    atTime: { type: 'string', format: 'date-time' },
    devices: { type: 'array', minItems: 1, maxItems: 100, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 64 } },
  },
};

export interface RebootRequestUpdate {
  message?: string;
  atTime?: string;
}

export const REBOOT_REQUEST_UPDATE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: { message: { type: 'string', maxLength: 255 }, atTime: { type: 'string', format: 'date-time' } },
};
