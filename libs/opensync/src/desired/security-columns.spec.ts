import { PRIMARY_PSK_KEY_ID, securityColumns } from './security-columns';

function columns(result: ReturnType<typeof securityColumns>): Record<string, unknown> {
  if (!result.ok) throw new Error(`unexpected skip ${result.reason}`);
  return result.columns;
}

describe('securityColumns on current firmware (wpa columns)', () => {
  it('OPEN turns wpa off and empties keys, key management and the legacy map', () => {
    const c = columns(securityColumns('OPEN', undefined, '2.4G', 'wpa'));
    expect(c.wpa).toBe(false);
    expect(c.wpa_key_mgmt).toEqual([]);
    expect(c.wpa_psks).toEqual(new Map());
    expect(c.security).toEqual(new Map());
    expect(c.pmf).toBeUndefined();
  });

  it('WPA2_PSK uses wpa-psk with CCMP and the passphrase under key--1', () => {
    const c = columns(securityColumns('WPA2_PSK', 'secret123', '5G', 'wpa'));
    expect(c).toMatchObject({ wpa: true, wpa_key_mgmt: ['wpa-psk'], rsn_pairwise_ccmp: true, pmf: 'disabled' });
    expect(c.wpa_psks).toEqual(new Map([[PRIMARY_PSK_KEY_ID, 'secret123']]));
    expect(PRIMARY_PSK_KEY_ID).toBe('key--1');
  });

  it('WPA3_SAE uses sae with PMF required', () => {
    expect(columns(securityColumns('WPA3_SAE', 'secret123', '5GL', 'wpa'))).toMatchObject({
      wpa_key_mgmt: ['sae'],
      pmf: 'required',
    });
  });

  it('WPA2_WPA3 offers both wpa-psk and sae with PMF optional', () => {
    expect(columns(securityColumns('WPA2_WPA3', 'secret123', '2.4G', 'wpa'))).toMatchObject({
      wpa_key_mgmt: ['wpa-psk', 'sae'],
      pmf: 'optional',
    });
  });

  it.each(['WPA2_PSK', 'WPA2_WPA3', 'WPA3_SAE'] as const)('%s is SAE only on 6 GHz', (mode) => {
    expect(columns(securityColumns(mode, 'secret123', '6G', 'wpa'))).toMatchObject({ wpa_key_mgmt: ['sae'], pmf: 'required' });
  });

  it('refuses an open network on 6 GHz', () => {
    expect(securityColumns('OPEN', undefined, '6G', 'wpa')).toEqual({ ok: false, reason: 'OPEN_NOT_ALLOWED_ON_6G' });
  });

  it.each([undefined, ''])('refuses a PSK network without passphrase (%p)', (passphrase) => {
    expect(securityColumns('WPA2_PSK', passphrase, '2.4G', 'wpa')).toEqual({ ok: false, reason: 'PASSPHRASE_MISSING' });
  });
});

describe('securityColumns on legacy firmware (security map)', () => {
  it('OPEN is encryption OPEN', () => {
    expect(columns(securityColumns('OPEN', undefined, '2.4G', 'legacy'))).toEqual({ security: new Map([['encryption', 'OPEN']]) });
  });

  it.each(['WPA2_PSK', 'WPA2_WPA3'] as const)('%s is WPA-PSK mode 2 with the key', (mode) => {
    expect(columns(securityColumns(mode, 'pw-legacy', '5G', 'legacy'))).toEqual({
      security: new Map([['encryption', 'WPA-PSK'], ['key', 'pw-legacy'], ['mode', '2']]),
    });
  });

  it('cannot express WPA3_SAE, nor anything on 6 GHz', () => {
    expect(securityColumns('WPA3_SAE', 'pw', '5G', 'legacy')).toEqual({ ok: false, reason: 'SECURITY_UNSUPPORTED' });
    expect(securityColumns('WPA2_PSK', 'pw', '6G', 'legacy')).toEqual({ ok: false, reason: 'SECURITY_UNSUPPORTED' });
  });

  it('writes no wpa columns', () => {
    const c = columns(securityColumns('WPA2_PSK', 'pw', '5G', 'legacy'));
    expect(Object.keys(c)).toEqual(['security']);
  });
});

describe('securityColumns on a device without any security column', () => {
  it('still carries an open network and refuses a secured one', () => {
    expect(columns(securityColumns('OPEN', undefined, '2.4G', 'none'))).toEqual({});
    expect(securityColumns('WPA2_PSK', 'pw', '2.4G', 'none')).toEqual({ ok: false, reason: 'SECURITY_UNSUPPORTED' });
  });
});
