// Pure rules of personal keys: the passphrase (VAULT's "user part + random", or imported),
// the window, the state shown to users, where a key is valid, and the 64-key capacity of a
// location's VIF.

import { randomInt } from 'node:crypto';
import { holdsKeyRoom, MAX_KEYS_PER_VIF, PersonalKeyView } from '@lib/opensync';
import { AppError, ErrorCode, FieldError } from '../common/errors/app-error';
import { PersonalKey, PersonalKeyState, PersonalKeyStatus } from './personal-key.entity';
import { VenueUnit, VenueUnitKind } from './venue.entity';

export const PASSPHRASE_MIN = 8;
export const PASSPHRASE_MAX = 63;
/** Random characters appended to a user part: about 57 bits from 52 symbols without look-alikes. */
export const RANDOM_PART_LENGTH = 10;
/** VAULT's UserPartForNewKey: at most 40 characters (the random part makes 50 at most). */
export const USER_PART_MAX = 40;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY23456789';
const PRINTABLE = /^[\x20-\x7e]+$/;

export function checkPassphrase(field: string, passphrase: string): FieldError[] {
  if (passphrase.length < PASSPHRASE_MIN || passphrase.length > PASSPHRASE_MAX) return [{ field, message: `must have ${PASSPHRASE_MIN} to ${PASSPHRASE_MAX} characters` }];
  return PRINTABLE.test(passphrase) ? [] : [{ field, message: 'must be printable ASCII' }];
}

export function checkUserPart(field: string, userPart: string): FieldError[] {
  if (userPart.length > USER_PART_MAX) return [{ field, message: `must have at most ${USER_PART_MAX} characters` }];
  return userPart === '' || PRINTABLE.test(userPart) ? [] : [{ field, message: 'must be printable ASCII' }];
}

/** A new passphrase: the user part (may be empty) followed by random characters. */
export function generatePassphrase(userPart: string, random: (max: number) => number = randomInt): string {
  let tail = '';
  for (let i = 0; i < RANDOM_PART_LENGTH; i++) tail += ALPHABET[random(ALPHABET.length)];
  return `${userPart}${tail}`;
}

export function checkWindow(validFrom: Date | null, validUntil: Date | null): FieldError[] {
  if (validFrom !== null && validUntil !== null && validUntil.getTime() <= validFrom.getTime()) return [{ field: 'validUntil', message: 'must be after validFrom' }];
  return [];
}

export function keyState(key: Pick<PersonalKey, 'status' | 'validUntil'>, now: Date): PersonalKeyState {
  if (key.status === PersonalKeyStatus.REVOKED) return PersonalKeyState.REVOKED;
  if (key.validUntil !== null && key.validUntil.getTime() <= now.getTime()) return PersonalKeyState.EXPIRED;
  return key.status === PersonalKeyStatus.SUSPENDED ? PersonalKeyState.SUSPENDED : PersonalKeyState.ACTIVE;
}

/**
 * The locations (of those the pool is deployed on) where a key works: its unit's location
 * and every common area; a key without a unit works everywhere the pool is.
 */
export function keyLocations(key: Pick<PersonalKey, 'unitId'>, poolLocations: readonly string[], units: readonly VenueUnit[]): string[] {
  return keyLocator(poolLocations, units)(key);
}

/**
 * keyLocations for many keys of one pool: the units are indexed once, so placing every key
 * of a 2,000-unit pool costs one pass over the units plus, per key, its own unit's locations
 * and the common areas (never a pass over all units per key). Locations keep the pool's order.
 */
export function keyLocator(poolLocations: readonly string[], units: readonly VenueUnit[]): (key: Pick<PersonalKey, 'unitId'>) => string[] {
  const byLocation = new Map(units.map((u) => [u.locationId, u]));
  const common: number[] = [];
  const ofUnit = new Map<string, number[]>();
  poolLocations.forEach((locationId, i) => {
    const unit = byLocation.get(locationId);
    if (unit === undefined) return;
    if (unit.kind === VenueUnitKind.COMMON_AREA) common.push(i);
    else ofUnit.set(unit.id, [...(ofUnit.get(unit.id) ?? []), i]);
  });
  return (key) => {
    if (key.unitId === null) return [...poolLocations];
    const own = ofUnit.get(key.unitId) ?? [];
    return [...own, ...common].sort((a, b) => a - b).map((i) => poolLocations[i]);
  };
}

/**
 * Which of a pool's keys a location carries, given the venue's units at that location (the
 * same rule as keyLocations, asked the other way): at a common area every key, at a unit its
 * own keys and the venue-wide ones (no unit), elsewhere only the venue-wide ones.
 */
export function keysCarriedAt(unitsHere: readonly Pick<VenueUnit, 'id' | 'kind'>[]): { all: true } | { all: false; unitIds: string[] } {
  // A location is at most one unit (ux_venue_units_location).
  const unit = unitsHere[0];
  if (unit === undefined) return { all: false, unitIds: [] };
  if (unit.kind === VenueUnitKind.COMMON_AREA) return { all: true };
  return { all: false, unitIds: [unit.id] };
}

export function keyView(key: PersonalKey): PersonalKeyView {
  return { slot: key.slot, passphrase: key.passphrase, active: key.status === PersonalKeyStatus.ACTIVE, validFrom: key.validFrom, validUntil: key.validUntil, rotatedAt: key.rotatedAt };
}

/**
 * Refuses (KEY_CAPACITY_EXCEEDED, naming the location and its network) a set of keys that
 * would need more than 64 at one location. `keys` are the pool's keys after the change.
 */
export function assertKeyCapacity(
  keys: readonly PersonalKey[],
  networks: readonly { networkId: string; locationId: string }[],
  units: readonly VenueUnit[],
  now: Date,
): void {
  const poolLocations = networks.map((n) => n.locationId);
  const locate = keyLocator(poolLocations, units);
  const counts = new Map<string, number>();
  for (const key of keys) {
    if (!holdsKeyRoom(keyView(key), now)) continue;
    for (const locationId of locate(key)) counts.set(locationId, (counts.get(locationId) ?? 0) + 1);
  }
  for (const network of networks) {
    const count = counts.get(network.locationId) ?? 0;
    if (count > MAX_KEYS_PER_VIF) {
      throw new AppError(
        ErrorCode.KEY_CAPACITY_EXCEEDED,
        `location ${network.locationId} (network ${network.networkId}) would need ${count} keys; a VIF carries at most ${MAX_KEYS_PER_VIF}`,
      );
    }
  }
}

/**
 * Why a network with these settings cannot carry a pool's personal keys, or undefined:
 * personal keys are WPA2 passphrases (WPA2_PSK or WPA2_WPA3), and 6 GHz runs SAE only.
 */
export function poolNetworkRefusal(settings: { securityMode: string; bands: readonly string[] }): { field: string; message: string } | undefined {
  if (settings.securityMode !== 'WPA2_PSK' && settings.securityMode !== 'WPA2_WPA3') return { field: 'securityMode', message: 'must stay WPA2_PSK or WPA2_WPA3 while the network is in a key pool' };
  if (settings.bands.includes('BAND_6G')) return { field: 'bands', message: 'must not include BAND_6G while the network is in a key pool' };
  return undefined;
}
