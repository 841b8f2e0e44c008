import { describeIdentity, deviceIdentity, deviceSerial } from './device-identity';

describe('device identity', () => {
  const row = { _uuid: 'u', id: 'ID1', serial_number: 'SN1', model: 'PP203X', firmware_version: '4.2.0' };

  it('reads the AWLAN_Node columns', () => {
    expect(deviceIdentity(row)).toEqual({ id: 'ID1', serialNumber: 'SN1', model: 'PP203X', firmwareVersion: '4.2.0' });
  });

  it('treats empty and missing columns as unset', () => {
    expect(deviceIdentity({ _uuid: 'u', id: '', model: undefined })).toEqual({
      id: undefined,
      serialNumber: undefined,
      model: undefined,
      firmwareVersion: undefined,
    });
  });

  it('prefers the certificate CN, then the serial, then the id', () => {
    const identity = deviceIdentity(row);
    expect(deviceSerial(identity, 'CN9')).toBe('CN9');
    expect(deviceSerial(identity, undefined)).toBe('SN1');
    expect(deviceSerial({ ...identity, serialNumber: undefined }, undefined)).toBe('ID1');
  });

  it('describes unset fields explicitly', () => {
    expect(describeIdentity(deviceIdentity({ _uuid: 'u', id: 'ID1' }))).toBe(
      'id=ID1 serial=(unset) model=(unset) firmware=(unset)',
    );
  });
});
