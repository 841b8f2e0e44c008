import { AppError, ErrorCode } from '../common/errors/app-error';
import { assertKeyCapacity, checkPassphrase, checkUserPart, checkWindow, generatePassphrase, keyLocations, keysCarriedAt, keyState, RANDOM_PART_LENGTH, USER_PART_MAX } from './key-rules';
import { PersonalKey, PersonalKeyState, PersonalKeyStatus } from './personal-key.entity';
import { VenueUnit, VenueUnitKind } from './venue.entity';

const NOW = new Date('2026-01-01T12:00:00Z');
const unit = (id: string, locationId: string, kind = VenueUnitKind.UNIT): VenueUnit => Object.assign(new VenueUnit(), { id, locationId, kind });
const UNITS = [unit('u-a', 'loc-a'), unit('u-b', 'loc-b'), unit('u-lobby', 'loc-lobby', VenueUnitKind.COMMON_AREA)];
const NETWORKS = [
  { networkId: 'n-a', locationId: 'loc-a' },
  { networkId: 'n-b', locationId: 'loc-b' },
  { networkId: 'n-lobby', locationId: 'loc-lobby' },
];
const key = (slot: number, extra: Partial<PersonalKey> = {}): PersonalKey =>
  Object.assign(new PersonalKey(), { slot, unitId: null, passphrase: `p-${slot}-xxxxxx`, status: PersonalKeyStatus.ACTIVE, validFrom: null, validUntil: null, ...extra });

function thrown(fn: () => void): AppError {
  try {
    fn();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected an error');
}

describe('personal key rules', () => {
  it('generates the user part followed by random characters', () => {
    const generated = generatePassphrase('apt4b-');
    expect(generated).toMatch(new RegExp(`^apt4b-[A-Za-z0-9]{${RANDOM_PART_LENGTH}}$`));
    expect(generatePassphrase('apt4b-')).not.toBe(generated);
    expect(checkPassphrase('passphrase', generatePassphrase(''))).toEqual([]);
    expect(generatePassphrase('x', () => 0)).toBe(`x${'a'.repeat(RANDOM_PART_LENGTH)}`);
  });

  it('checks imported passphrases and user parts', () => {
    expect(checkPassphrase('passphrase', 'short')).toHaveLength(1);
    expect(checkPassphrase('passphrase', 'x'.repeat(64))).toHaveLength(1);
    expect(checkPassphrase('passphrase', 'caf\u00e9 au lait')).toEqual([{ field: 'passphrase', message: 'must be printable ASCII' }]);
    expect(checkUserPart('userPart', 'x'.repeat(USER_PART_MAX))).toEqual([]);
    expect(checkUserPart('userPart', 'x'.repeat(USER_PART_MAX + 1))).toHaveLength(1);
    expect(checkWindow(NOW, NOW)).toEqual([{ field: 'validUntil', message: 'must be after validFrom' }]);
    expect(checkWindow(null, NOW)).toEqual([]);
  });

  it('derives EXPIRED from the window and keeps REVOKED final', () => {
    expect(keyState({ status: PersonalKeyStatus.ACTIVE, validUntil: NOW }, NOW)).toBe(PersonalKeyState.EXPIRED);
    expect(keyState({ status: PersonalKeyStatus.SUSPENDED, validUntil: null }, NOW)).toBe(PersonalKeyState.SUSPENDED);
    expect(keyState({ status: PersonalKeyStatus.REVOKED, validUntil: NOW }, NOW)).toBe(PersonalKeyState.REVOKED);
  });

  it('puts a unit key at its unit and the common areas, a venue-wide key everywhere', () => {
    const locations = NETWORKS.map((n) => n.locationId);
    expect(keyLocations({ unitId: 'u-a' }, locations, UNITS)).toEqual(['loc-a', 'loc-lobby']);
    expect(keyLocations({ unitId: null }, locations, UNITS)).toEqual(['loc-a', 'loc-b', 'loc-lobby']);
    expect(keyLocations({ unitId: 'u-b' }, ['loc-a', 'loc-lobby'], UNITS)).toEqual(['loc-lobby']);
  });

  it('answers the same question from the location side: which keys a location carries', () => {
    const locations = NETWORKS.map((n) => n.locationId);
    const keys = [{ unitId: 'u-a' }, { unitId: 'u-b' }, { unitId: null }];
    for (const locationId of locations) {
      const carried = keysCarriedAt(UNITS.filter((u) => u.locationId === locationId));
      const expected = keys.filter((k) => keyLocations(k, locations, UNITS).includes(locationId));
      expect(keys.filter((k) => carried.all || k.unitId === null || carried.unitIds.includes(k.unitId))).toEqual(expected);
    }
    expect(keysCarriedAt([])).toEqual({ all: false, unitIds: [] });
  });

  it('refuses a 65th key at a location, naming it and the count', () => {
    const unitA = Array.from({ length: 32 }, (_, i) => key(i + 1, { unitId: 'u-a' }));
    const unitB = Array.from({ length: 32 }, (_, i) => key(i + 33, { unitId: 'u-b' }));
    expect(() => assertKeyCapacity([...unitA, ...unitB], NETWORKS, UNITS, NOW)).not.toThrow();
    const error = thrown(() => assertKeyCapacity([...unitA, ...unitB, key(65, { unitId: 'u-b' })], NETWORKS, UNITS, NOW));
    expect(error.code).toBe(ErrorCode.KEY_CAPACITY_EXCEEDED);
    expect(error.message).toContain('location loc-lobby (network n-lobby) would need 65 keys');
  });

  it('does not count suspended, revoked or ended keys', () => {
    const full = Array.from({ length: 64 }, (_, i) => key(i + 1));
    const gone = [
      key(65, { status: PersonalKeyStatus.SUSPENDED }),
      key(66, { status: PersonalKeyStatus.REVOKED }),
      key(67, { validUntil: NOW }),
    ];
    expect(() => assertKeyCapacity([...full, ...gone], NETWORKS, UNITS, NOW)).not.toThrow();
    expect(() => assertKeyCapacity([...full, key(68, { validFrom: new Date(NOW.getTime() + 86_400_000) })], NETWORKS, UNITS, NOW)).toThrow(AppError);
  });
});
