import { RegistrationIndex } from './registration-index';

const mac = (id: string, providerId: string, m: string, validUntil: number | null = null, deleteOnMatch = false) => ({ id, providerId, mac: m, validUntil, deleteOnMatch });

describe('RegistrationIndex', () => {
  it('matches MACs per provider, exact and partial vendor ids', () => {
    const index = new RegistrationIndex();
    index.putMac(mac('m1', 'p1', 'aa:bb:cc:dd:ee:ff'));
    index.putMac(mac('m2', 'p2', 'aa:bb:cc:dd:ee:ff'));
    index.putVendorId({ id: 'v1', providerId: 'p1', vendorId: 'sp_rgw_01', matchType: 'exact' });
    index.putVendorId({ id: 'v2', providerId: 'p2', vendorId: 'acme_', matchType: 'partial_match' });
    expect(index.match('aa:bb:cc:dd:ee:ff', null, 0).hits.map((h) => h.reg.id).sort()).toEqual(['m1', 'm2']);
    expect(index.match('00:00:00:00:00:01', 'sp_rgw_01', 0).hits.map((h) => h.reg.id)).toEqual(['v1']);
    expect(index.match('00:00:00:00:00:01', 'sp_rgw_01x', 0).hits).toEqual([]);
    expect(index.match('00:00:00:00:00:01', 'acme_box_7', 0).hits.map((h) => h.reg.id)).toEqual(['v2']);
    expect(index.match('00:00:00:00:00:01', 'acm', 0).hits).toEqual([]);
    expect(index.size).toEqual({ macs: 2, vendorIds: 2 });
  });

  it('takes expired MACs out at match time and reports them', () => {
    const index = new RegistrationIndex();
    index.putMac(mac('m1', 'p1', 'aa:bb:cc:dd:ee:ff', 1000));
    const result = index.match('aa:bb:cc:dd:ee:ff', null, 1000);
    expect(result.hits).toEqual([]);
    expect(result.expired.map((r) => r.id)).toEqual(['m1']);
    expect(index.size.macs).toBe(0);
  });

  it('replaces a provider\'s registration and removes it', () => {
    const index = new RegistrationIndex();
    index.putMac(mac('m1', 'p1', 'aa:bb:cc:dd:ee:ff'));
    index.putMac(mac('m2', 'p1', 'aa:bb:cc:dd:ee:ff', null, true));
    expect(index.match('aa:bb:cc:dd:ee:ff', null, 0).hits.map((h) => h.reg.id)).toEqual(['m2']);
    expect(index.removeMac('p1', 'aa:bb:cc:dd:ee:ff')?.id).toBe('m2');
    index.putVendorId({ id: 'v1', providerId: 'p1', vendorId: 'x_', matchType: 'partial_match' });
    expect(index.removeVendorId('p2', 'x_')).toBe(false);
    expect(index.removeVendorId('p1', 'x_')).toBe(true);
    expect(index.size).toEqual({ macs: 0, vendorIds: 0 });
  });
});
