import { Band, SecurityMode, WifiNetworkKind } from './wifi-network-enums';
import { applyWifiNetworkPatch, defaultBands, validateWifiNetworkSettings, WifiNetworkSettings } from './wifi-network-rules';

const now = new Date('2030-01-01T00:00:00Z');
const valid: WifiNetworkSettings = {
  kind: WifiNetworkKind.GUEST,
  ssid: 'Guests',
  securityMode: SecurityMode.WPA2_PSK,
  passphrase: 'correct horse',
  hidden: false,
  clientIsolation: true,
  isolated: true,
  vlanId: null,
  bands: [Band.BAND_2_4G, Band.BAND_5G],
  enabled: true,
  expiresAt: null,
  description: null,
};
const fields = (s: Partial<WifiNetworkSettings>, expiry = false): string[] =>
  validateWifiNetworkSettings({ ...valid, ...s }, now, expiry).map((e) => e.field);

describe('WiFi network rules', () => {
  it('accept a valid network', () => {
    expect(fields({})).toEqual([]);
    expect(fields({ securityMode: SecurityMode.OPEN, passphrase: null })).toEqual([]);
    expect(fields({ securityMode: SecurityMode.WPA3_SAE, bands: [Band.BAND_6G], vlanId: 4094 })).toEqual([]);
    expect(fields({ passphrase: '~'.repeat(63) })).toEqual([]);
  });

  it('refuse short, long, non-ASCII and missing passphrases, and one on an OPEN network', () => {
    expect(fields({ passphrase: 'short' })).toEqual(['passphrase']);
    expect(fields({ passphrase: 'x'.repeat(64) })).toEqual(['passphrase']);
    expect(fields({ passphrase: 'pässwörter' })).toEqual(['passphrase']);
    expect(fields({ passphrase: null })).toEqual(['passphrase']);
    expect(fields({ securityMode: SecurityMode.OPEN, passphrase: 'something' })).toEqual(['passphrase']);
  });

  it('require WPA3 on 6 GHz', () => {
    expect(fields({ bands: [Band.BAND_6G] })).toEqual(['bands']);
    expect(fields({ bands: [Band.BAND_5G, Band.BAND_6G] })).toEqual(['bands']);
    expect(fields({ securityMode: SecurityMode.OPEN, passphrase: null, bands: [Band.BAND_6G] })).toEqual(['bands']);
    expect(fields({ securityMode: SecurityMode.WPA2_WPA3, bands: [Band.BAND_6G] })).toEqual([]);
  });

  it('refuse empty or repeated bands, bad VLANs, past expiry, unknown enums', () => {
    expect(fields({ bands: [] })).toEqual(['bands']);
    expect(fields({ bands: [Band.BAND_5G, Band.BAND_5G] })).toEqual(['bands']);
    expect(fields({ vlanId: 0 })).toEqual(['vlanId']);
    expect(fields({ vlanId: 4095 })).toEqual(['vlanId']);
    expect(fields({ vlanId: 1.5 })).toEqual(['vlanId']);
    expect(fields({ expiresAt: new Date('2029-12-31T23:59:59Z') }, true)).toEqual(['expiresAt']);
    expect(fields({ expiresAt: new Date('2029-12-31T23:59:59Z') }, false)).toEqual([]);
    expect(fields({ expiresAt: new Date('2030-01-02T00:00:00Z') }, true)).toEqual([]);
    expect(fields({ securityMode: 'WEP' as SecurityMode })).toEqual(['securityMode']);
    expect(fields({ ssid: '€'.repeat(11), vlanId: 0 })).toEqual(['ssid', 'vlanId']);
  });

  it('default bands follow the security mode', () => {
    expect(defaultBands(SecurityMode.WPA2_PSK)).not.toContain(Band.BAND_6G);
    expect(defaultBands(SecurityMode.WPA3_SAE)).toContain(Band.BAND_6G);
  });

  it('a patch to OPEN drops the stored passphrase; undefined fields keep their value', () => {
    const open = applyWifiNetworkPatch(valid, { securityMode: SecurityMode.OPEN });
    expect(open.passphrase).toBeNull();
    expect(open.ssid).toBe('Guests');
    expect(applyWifiNetworkPatch(valid, { vlanId: null, ssid: undefined })).toEqual({ ...valid, vlanId: null });
  });
});

describe('bands across a security mode change', () => {
  const wpa3: WifiNetworkSettings = { ...valid, securityMode: SecurityMode.WPA3_SAE, bands: defaultBands(SecurityMode.WPA3_SAE) };

  it('follow the mode when they are the default of the old mode (in any order)', () => {
    const open = applyWifiNetworkPatch({ ...wpa3, bands: [Band.BAND_6G, Band.BAND_2_4G, Band.BAND_5G] }, { securityMode: SecurityMode.OPEN });
    expect(open).toMatchObject({ securityMode: SecurityMode.OPEN, passphrase: null, bands: [Band.BAND_2_4G, Band.BAND_5G] });
    expect(validateWifiNetworkSettings(open, now, false)).toEqual([]);
    const back = applyWifiNetworkPatch(open, { securityMode: SecurityMode.WPA3_SAE, passphrase: 'long enough' });
    expect(back.bands).toEqual(defaultBands(SecurityMode.WPA3_SAE));
  });

  it('are kept when chosen, and judged against the new mode', () => {
    const chosen = applyWifiNetworkPatch({ ...wpa3, bands: [Band.BAND_6G] }, { securityMode: SecurityMode.OPEN });
    expect(chosen.bands).toEqual([Band.BAND_6G]);
    expect(validateWifiNetworkSettings(chosen, now, false).map((e) => e.field)).toEqual(['bands']);
  });

  it('go back to the default of the (new) mode when sent as null', () => {
    expect(applyWifiNetworkPatch({ ...wpa3, bands: [Band.BAND_5G] }, { bands: null }).bands).toEqual(defaultBands(SecurityMode.WPA3_SAE));
    expect(applyWifiNetworkPatch({ ...wpa3, bands: [Band.BAND_6G] }, { bands: null, securityMode: SecurityMode.OPEN }).bands).toEqual(defaultBands(SecurityMode.OPEN));
  });

  it('stay when only other settings change', () => {
    expect(applyWifiNetworkPatch(wpa3, { ssid: 'Other' }).bands).toEqual(wpa3.bands);
  });

  it('refuses an isolated PRIMARY network; GUEST and IOT may be isolated or not', () => {
    expect(validateWifiNetworkSettings({ ...valid, kind: WifiNetworkKind.PRIMARY, isolated: true }, now, false)).toEqual([
      { field: 'isolated', message: 'a PRIMARY network cannot be isolated; only GUEST and IOT networks can' },
    ]);
    expect(validateWifiNetworkSettings({ ...valid, kind: WifiNetworkKind.PRIMARY, isolated: false }, now, false)).toEqual([]);
    expect(validateWifiNetworkSettings({ ...valid, kind: WifiNetworkKind.IOT, isolated: false }, now, false)).toEqual([]);
  });
});
