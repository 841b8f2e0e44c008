import { WifiNetworkKind } from '../../wifi-networks/wifi-network-enums';
import { WifiNetwork } from '../../wifi-networks/wifi-network.entity';
import { CpeNetwork, groupMembers, networkVersion } from './cpe-network';
import { SiteWithGateway } from './cpe-sites.service';
import { planPlacements } from './network-placement';

function site(id: string): SiteWithGateway {
  return { location: { id, name: id, street: null, city: null, postalCode: null, country: null }, gateway: { id: `gw-${id}`, macAddress: null, description: null } };
}

function member(id: string, siteId: string, kind = WifiNetworkKind.GUEST): CpeNetwork['members'][number] {
  const network = Object.assign(new WifiNetwork(), { id, locationId: siteId, kind, expiresAt: null, createdAt: new Date(0), updatedAt: new Date(1000) });
  return { network, site: site(siteId) };
}

const device = (siteId: string) => ({ id: `gw-${siteId}`, site: site(siteId) });

describe('planPlacements', () => {
  const guest: CpeNetwork = { id: 'n1', members: [member('n1', 'a')] };
  const primary: CpeNetwork = { id: 'p1', members: [member('p1', 'a', WifiNetworkKind.PRIMARY)] };

  it('creates a member on a device the network is not on, and nothing where it is', () => {
    expect(planPlacements([{ device: device('b'), on: guest }, { device: device('a'), on: guest }])).toEqual([{ kind: 'create', network: guest, site: site('b') }]);
  });

  it('removes an auxiliary member, ignores a device the network is not on, and refuses the primary', () => {
    expect(planPlacements([{ device: device('a'), off: guest }, { device: device('c'), off: guest }])).toEqual([{ kind: 'remove', network: guest, member: guest.members[0].network }]);
    expect(() => planPlacements([{ device: device('a'), off: primary }])).toThrow(expect.objectContaining({ code: 'NETWORK_NOT_REMOVABLE', status: 400 }));
  });

  it('replaces an auxiliary member, and the primary one by adoption; the replaced network must be on the device', () => {
    const other: CpeNetwork = { id: 'n2', members: [member('n2', 'b')] };
    expect(planPlacements([{ device: device('a'), off: guest, on: other, replacement: true }])).toEqual([
      { kind: 'remove', network: guest, member: guest.members[0].network },
      { kind: 'create', network: other, site: site('a') },
    ]);
    expect(planPlacements([{ device: device('a'), off: primary, on: other, replacement: true }])).toEqual([{ kind: 'adopt', network: other, member: primary.members[0].network }]);
    // Already on the device as an auxiliary network: that member goes, the primary takes over.
    const both: CpeNetwork = { id: 'n3', members: [member('n3', 'a'), member('n4', 'b')] };
    expect(planPlacements([{ device: device('a'), off: primary, on: both, replacement: true }])).toEqual([
      { kind: 'remove', network: both, member: both.members[0].network },
      { kind: 'adopt', network: both, member: primary.members[0].network },
    ]);
    const expiring: CpeNetwork = { id: 'n5', members: [{ ...member('n5', 'b'), network: Object.assign(member('n5', 'b').network, { expiresAt: new Date(5000) }) }] };
    expect(() => planPlacements([{ device: device('a'), off: primary, on: expiring, replacement: true }])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => planPlacements([{ device: device('c'), off: guest, on: other, replacement: true }])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('refuses a network named twice for one device, before anything is planned', () => {
    expect(() => planPlacements([{ device: device('b'), on: guest }, { device: device('b'), off: guest }])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('groupMembers and networkVersion', () => {
  it('groups linked members under the network id, and the version changes with the devices', () => {
    const members = [member('n1', 'a'), member('m2', 'b'), member('solo', 'c')];
    const grouped = groupMembers(members, new Map([['n1', 'n1'], ['m2', 'n1']]));
    expect(grouped.map((n) => [n.id, n.members.map((m) => m.network.id)])).toEqual([['n1', ['m2', 'n1']], ['solo', ['solo']]].map(([id, ids]) => [id, [...(ids as string[])].sort()]));
    const one: CpeNetwork = { id: 'n1', members: [members[0]] };
    expect(networkVersion(grouped[0])).not.toBe(networkVersion(one));
  });
});
