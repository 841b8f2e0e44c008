// The request body of POST /reboot-requests (the contract's RebootRequestCreate, closed).

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
