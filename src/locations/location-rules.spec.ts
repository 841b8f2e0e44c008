import { validateAddress, isIanaTimezone, validateLocationFields } from './location-rules';

describe('location rules', () => {
  it('know IANA zones and refuse offsets and junk', () => {
    for (const zone of ['Europe/Berlin', 'America/Argentina/Buenos_Aires', 'UTC', 'Asia/Kolkata']) expect(isIanaTimezone(zone)).toBe(true);
    for (const zone of ['+01:00', 'Mars/Olympus', '', 'Europe/../etc', 'CEST 2']) expect(isIanaTimezone(zone)).toBe(false);
  });

  it('require name and timezone on create, only check what was sent on update', () => {
    expect(validateLocationFields({}, true).map((e) => e.field)).toEqual(['name', 'timezone']);
    expect(validateLocationFields({}, false)).toEqual([]);
    expect(validateLocationFields({ serviceId: 'SVC-1' }, false)).toEqual([]);
  });

  it('name nested address fields and apply a prefix', () => {
    const errors = validateLocationFields({ name: 'Home', timezone: 'Europe/Paris', address: { country: 'Germany', postalCode: '1'.repeat(21) } }, true, 'location');
    expect(errors.map((e) => e.field)).toEqual(['location.address.postalCode', 'location.address.country']);
    expect(validateLocationFields({ name: 'Home', timezone: 'Europe/Paris', address: { street: 'Main St 1', city: 'Paris', postalCode: '75001', country: 'FR' } }, true)).toEqual([]);
  });

  it('refuses a country code that is not assigned, however it is shaped', () => {
    expect(validateAddress({ country: 'XX' }).map((e) => e.field)).toEqual(['country']);
    expect(validateAddress({ country: 'UK' }).map((e) => e.field)).toEqual(['country']);
    expect(validateAddress({ country: 'GB' })).toEqual([]);
  });
});
