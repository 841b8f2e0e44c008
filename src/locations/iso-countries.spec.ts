import { ISO_3166_ALPHA2, isIsoCountryCode } from './iso-countries';

describe('ISO 3166-1 alpha-2', () => {
  it('holds the 249 assigned codes, each two capital letters', () => {
    expect(ISO_3166_ALPHA2.size).toBe(249);
    for (const code of ISO_3166_ALPHA2) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it.each(['DE', 'FR', 'US', 'GB', 'AX', 'SS', 'CW', 'BQ'])('accepts %s', (code) => {
    expect(isIsoCountryCode(code)).toBe(true);
  });

  it.each(['XX', 'QZ', 'UK', 'EU', 'XK', 'ZZ', 'de', 'DEU', ''])('refuses %s', (code) => {
    expect(isIsoCountryCode(code)).toBe(false);
  });
});
