// Who a device is, read from its AWLAN_Node row (OpenSync keeps exactly one). The TLS
// certificate CN, when there is one, is the serial the device proved; the row is what it
// says about itself.

import type { Row } from '@lib/ovsdb';
import { printable } from '../validation/serial';

export interface DeviceIdentity {
  id: string | undefined;
  serialNumber: string | undefined;
  model: string | undefined;
  firmwareVersion: string | undefined;
}

/** The AWLAN_Node columns identification reads; older schemas may lack some of them. */
export const IDENTITY_COLUMNS = ['id', 'serial_number', 'model', 'firmware_version'] as const;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function deviceIdentity(awlanNode: Readonly<Row>): DeviceIdentity {
  return {
    id: text(awlanNode.id),
    serialNumber: text(awlanNode.serial_number),
    model: text(awlanNode.model),
    firmwareVersion: text(awlanNode.firmware_version),
  };
}

/** The serial logs and lookups use: the certificate's when present, else the row's, else its id. */
export function deviceSerial(identity: DeviceIdentity, certificateCn: string | undefined): string | undefined {
  return certificateCn ?? identity.serialNumber ?? identity.id;
}

export function describeIdentity(identity: DeviceIdentity): string {
  // What a device says about itself is untrusted: bounded and escaped for the log line.
  const show = (v: string | undefined): string => (v === undefined ? '(unset)' : printable(v));
  return `id=${show(identity.id)} serial=${show(identity.serialNumber)} model=${show(identity.model)} firmware=${show(identity.firmwareVersion)}`;
}
