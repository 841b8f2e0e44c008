import { appliedMeaning, convergenceSummary, coverageWords, cursorWindow, filterUnits, freeLocations, keyPlaces, pageOf, poolCoverage, poolPlaces } from './venue-layout';

const units = [
  { id: 'u10', name: 'Apt 10', kind: 'UNIT', locationId: 'L10' },
  { id: 'u2', name: 'Apt 2', kind: 'UNIT', locationId: 'L2' },
  { id: 'lobby', name: 'Lobby', kind: 'COMMON_AREA', locationId: 'LL' },
  { id: 'gym', name: 'Gym', kind: 'COMMON_AREA', locationId: 'LG' },
];
const networks = [
  { networkId: 'n10', locationId: 'L10' },
  { networkId: 'nL', locationId: 'LL' },
  { networkId: 'n2', locationId: 'L2' },
  { networkId: 'nX', locationId: 'elsewhere' },
];

describe('where a pool and its keys are', () => {
  it('lists the pool networks common areas first, then units in number order, then others', () => {
    expect(poolPlaces(networks, units).map((p) => p.network.networkId)).toEqual(['nL', 'n2', 'n10', 'nX']);
    expect(poolPlaces(networks, units)[3].unit).toBeUndefined();
  });

  it('counts what the pool is deployed on', () => {
    expect(poolCoverage(networks, units)).toEqual({ units: 2, commonAreas: 1, elsewhere: 1 });
    expect(coverageWords(poolCoverage(networks, units))).toBe('2 units, 1 common area, 1 other location');
    expect(coverageWords(poolCoverage([], units))).toBe('0 units, 0 common areas');
  });

  it('a unit key works at its unit and the common areas; a key without a unit everywhere (the API rule)', () => {
    const places = poolPlaces(networks, units);
    expect(keyPlaces({ unitId: 'u2' }, places).map((p) => p.network.networkId)).toEqual(['nL', 'n2']);
    expect(keyPlaces({ unitId: 'u10' }, places).map((p) => p.network.networkId)).toEqual(['nL', 'n10']);
    expect(keyPlaces({ unitId: null }, places)).toHaveLength(4);
    expect(keyPlaces({ unitId: 'gone' }, places).map((p) => p.network.networkId)).toEqual(['nL']);
  });

  it('says on which nodes a network is applied and where it is pending', () => {
    expect(
      convergenceSummary([
        { serial: 'B2', status: 'PENDING' },
        { serial: 'A9', status: 'APPLIED' },
        { serial: 'A1', status: 'APPLIED' },
        { serial: 'C3', status: 'OFFLINE' },
      ]),
    ).toBe('applied on A1, A9 · pending on B2 · offline: C3');
    expect(convergenceSummary([])).toBe('no node at this location');
  });

  it('says what applied means for the key: on the node, off it, or waiting for its window', () => {
    const now = Date.parse('2026-12-06T12:00:00Z');
    expect(appliedMeaning('ACTIVE', null, now)).toBe('applied: the key is on the node');
    expect(appliedMeaning('ACTIVE', '2026-12-06T11:00:00Z', now)).toBe('applied: the key is on the node');
    expect(appliedMeaning('ACTIVE', '2026-12-07T00:00:00Z', now)).toContain('when its window starts');
    expect(appliedMeaning('SUSPENDED', null, now)).toBe('applied: the key has been taken off the node');
    expect(appliedMeaning('REVOKED', null, now)).toBe('applied: the key has been taken off the node');
  });
});

describe('venue lists', () => {
  it('filters units by name and kind, numbers in order', () => {
    expect(filterUnits(units, '').map((u) => u.name)).toEqual(['Apt 2', 'Apt 10', 'Gym', 'Lobby']);
    expect(filterUnits(units, ' apt ').map((u) => u.name)).toEqual(['Apt 2', 'Apt 10']);
    expect(filterUnits(units, '', 'COMMON_AREA').map((u) => u.name)).toEqual(['Gym', 'Lobby']);
    expect(filterUnits(units, 'zzz')).toEqual([]);
  });

  it('pages a list; a page past the end shows the last', () => {
    const list = Array.from({ length: 53 }, (_, i) => i);
    expect(pageOf(list, 0, 25)).toEqual({ items: list.slice(0, 25), page: 0, pages: 3 });
    expect(pageOf(list, 2, 25).items).toEqual([50, 51, 52]);
    expect(pageOf(list, 9, 25).page).toBe(2);
    expect(pageOf([], 0, 25)).toEqual({ items: [], page: 0, pages: 1 });
  });

  it('offers only locations not yet units of the venue', () => {
    expect(freeLocations([{ id: 'L2' }, { id: 'new' }], units)).toEqual([{ id: 'new' }]);
  });
});

describe('pages the API cuts by cursor', () => {
  it('asks for the first page, the page after an end cursor, and the page before a start cursor', () => {
    expect(cursorWindow({}, 25)).toEqual({ first: 25, after: undefined });
    expect(cursorWindow({ after: 'e1' }, 25)).toEqual({ first: 25, after: 'e1' });
    expect(cursorWindow({ before: 's2' }, 50)).toEqual({ last: 50, before: 's2' });
  });
});
