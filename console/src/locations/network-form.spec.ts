import { checkNetworkForm, createInputOf, NEW_GUEST_NETWORK, updateInputOf, type NetworkLike } from './network-form';

const loaded: NetworkLike = { kind: 'GUEST', ssid: 'Guests', securityMode: 'WPA2_PSK', bands: ['BAND_2_4G', 'BAND_5G'], enabled: true, hidden: false, clientIsolation: true, vlanId: null };

describe('network form', () => {
  it('checks SSID, passphrase and VLAN before asking the API', () => {
    expect(checkNetworkForm(NEW_GUEST_NETWORK, true).map((p) => p.field)).toEqual(['ssid', 'passphrase']);
    expect(checkNetworkForm({ ...NEW_GUEST_NETWORK, ssid: 'x'.repeat(33), passphrase: 'short', vlanId: '5000' }, true).map((p) => p.field)).toEqual(['ssid', 'passphrase', 'vlanId']);
    expect(checkNetworkForm({ ...NEW_GUEST_NETWORK, ssid: 'ok', securityMode: 'OPEN', passphrase: 'something' }, true).map((p) => p.field)).toEqual(['passphrase']);
    expect(checkNetworkForm({ ...NEW_GUEST_NETWORK, ssid: 'ok' }, false)).toEqual([]);
  });

  it('creates with what was filled in', () => {
    expect(createInputOf({ ...NEW_GUEST_NETWORK, ssid: ' Guests ', passphrase: 'welcome guests', vlanId: '20' })).toEqual({
      kind: 'GUEST', ssid: 'Guests', securityMode: 'WPA2_PSK', passphrase: 'welcome guests', enabled: true, hidden: false, clientIsolation: true, vlanId: 20,
    });
    expect(createInputOf({ ...NEW_GUEST_NETWORK, ssid: 'Open', securityMode: 'OPEN' })).not.toHaveProperty('passphrase');
  });

  it('edits only what changed; an empty passphrase keeps the stored one', () => {
    const same = { kind: loaded.kind, ssid: 'Guests', securityMode: loaded.securityMode, passphrase: '', bands: ['BAND_5G' as const, 'BAND_2_4G' as const], enabled: true, hidden: false, clientIsolation: true, vlanId: '' };
    expect(updateInputOf(loaded, same)).toEqual({});
    expect(updateInputOf(loaded, { ...same, ssid: 'Visitors', passphrase: 'new passphrase', bands: [], vlanId: '7' })).toEqual({ ssid: 'Visitors', passphrase: 'new passphrase', bands: null, vlanId: 7 });
    expect(updateInputOf(loaded, { ...same, securityMode: 'OPEN' })).toEqual({ securityMode: 'OPEN', passphrase: null });
  });
});
