import { associatedClients, isMac, leasesByMac } from './associated-clients';

const u = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('associatedClients', () => {
  it('lists the clients the VIFs link, by lower-case MAC, with their key id', () => {
    const clients = [
      { _uuid: u(1), mac: 'AA:BB:CC:00:00:01', key_id: 'key-2' },
      { _uuid: u(2), mac: 'aa:bb:cc:00:00:02', key_id: '' },
      { _uuid: u(3), mac: 'aa:bb:cc:00:00:03' },
    ];
    const vifs = [
      { _uuid: u(10), if_name: 'ctl1-ap-50', associated_clients: [u(2)] },
      { _uuid: u(11), if_name: 'ctl1-ap-24', associated_clients: [u(1), u(2)] },
    ];
    const result = associatedClients(vifs, clients);
    expect([...result.values()]).toEqual([
      { mac: 'aa:bb:cc:00:00:01', ifName: 'ctl1-ap-24', keyId: 'key-2' },
      { mac: 'aa:bb:cc:00:00:02', ifName: 'ctl1-ap-24' },
    ]);
    // u(3) is linked from no VIF (mid-roam): not associated.
    expect(result.has('aa:bb:cc:00:00:03')).toBe(false);
  });

  it('ignores rows with a malformed MAC', () => {
    expect(associatedClients([{ _uuid: u(10), if_name: 'x', associated_clients: [u(1)] }], [{ _uuid: u(1), mac: 'nope' }]).size).toBe(0);
    expect(isMac('aa:bb:cc:dd:ee:ff')).toBe(true);
    expect(isMac('aa:bb:cc:dd:ee')).toBe(false);
  });
});

describe('leasesByMac', () => {
  it('keeps the lease expiring last, drops "*" placeholders', () => {
    const leases = leasesByMac([
      { _uuid: u(1), hwaddr: 'aa:bb:cc:00:00:01', inet_addr: '192.168.1.10', hostname: '*', fingerprint: '1,3,6', vendor_class: 'android-dhcp-13', lease_time: 100 },
      { _uuid: u(2), hwaddr: 'AA:BB:CC:00:00:01', inet_addr: '192.168.1.11', hostname: 'pixel', fingerprint: '', vendor_class: '', lease_time: 200 },
    ]);
    expect(leases.get('aa:bb:cc:00:00:01')).toEqual({ ip: '192.168.1.11', hostname: 'pixel', fingerprint: undefined, vendorClass: undefined, leaseTime: 200 });
  });
});
