import { checkSsid, ssidByteLength } from './ssid-rules';

describe('SSID rules', () => {
  it('counts UTF-8 bytes, not characters', () => {
    expect(ssidByteLength('home')).toBe(4);
    expect(ssidByteLength('€')).toBe(3);
    expect(ssidByteLength('😀')).toBe(4);
  });

  it('accepts 1 to 32 bytes', () => {
    expect(checkSsid('ssid', 'a')).toEqual([]);
    expect(checkSsid('ssid', 'a'.repeat(32))).toEqual([]);
    expect(checkSsid('ssid', '€'.repeat(10) + 'ab')).toEqual([]);
  });

  it('refuses empty, 33 bytes, 11 three-byte characters and control characters', () => {
    expect(checkSsid('ssid', '')[0].message).toBe('must not be empty');
    expect(checkSsid('ssid', 'a'.repeat(33))[0].message).toMatch(/got 33/);
    expect('€'.repeat(11)).toHaveLength(11);
    expect(checkSsid('ssid', '€'.repeat(11))[0].message).toMatch(/got 33/);
    expect(checkSsid('ssid', 'a\tb')).toHaveLength(1);
  });
});
