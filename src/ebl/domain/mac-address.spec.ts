import { parseMac } from './mac-address';

describe('parseMac', () => {
  it.each([
    ['11:22:33:44:55:66', '11:22:33:44:55:66'],
    ['AA:BB:CC:DD:EE:FF', 'aa:bb:cc:dd:ee:ff'],
    ['aa-bb-cc-dd-ee-ff', 'aa:bb:cc:dd:ee:ff'],
    ['AABB.CCDD.EEFF', 'aa:bb:cc:dd:ee:ff'],
    ['aabbccddeeff', 'aa:bb:cc:dd:ee:ff'],
    [' aa:bb:cc:dd:ee:ff ', 'aa:bb:cc:dd:ee:ff'],
  ])('%s -> %s', (input, canonical) => {
    expect(parseMac(input)).toBe(canonical);
  });

  it.each(['aa:bb:cc:dd:ee', 'aa:bb-cc:dd:ee:ff', 'gg:bb:cc:dd:ee:ff', 'aabbccddeef', 'aa:bb:cc:dd:ee:ff:00', '', '*', 42, null])('refuses %p', (input) => {
    expect(parseMac(input)).toBeNull();
  });
});
