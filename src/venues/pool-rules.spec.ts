import { poolNetworkRefusal } from './key-rules';
import { PoolPlacement, poolsAt } from './pool-index';

describe('pool network rules', () => {
  it('keeps a pooled network on WPA2 personal modes and off 6 GHz', () => {
    expect(poolNetworkRefusal({ securityMode: 'WPA2_PSK', bands: ['BAND_2_4G', 'BAND_5G'] })).toBeUndefined();
    expect(poolNetworkRefusal({ securityMode: 'WPA2_WPA3', bands: ['BAND_5G'] })).toBeUndefined();
    expect(poolNetworkRefusal({ securityMode: 'OPEN', bands: ['BAND_2_4G'] })?.field).toBe('securityMode');
    expect(poolNetworkRefusal({ securityMode: 'WPA3_SAE', bands: ['BAND_2_4G'] })?.field).toBe('securityMode');
    expect(poolNetworkRefusal({ securityMode: 'WPA2_WPA3', bands: ['BAND_2_4G', 'BAND_6G'] })?.field).toBe('bands');
  });

  it('finds the pools of a location and every location of those pools', () => {
    const index = new Map<string, PoolPlacement>(
      [
        { networkId: 'n1', poolId: 'residents', locationId: 'flat-a' },
        { networkId: 'n2', poolId: 'residents', locationId: 'lobby' },
        { networkId: 'n3', poolId: 'guests', locationId: 'lobby' },
        { networkId: 'n4', poolId: 'guests', locationId: 'gym' },
        { networkId: 'n5', poolId: 'other', locationId: 'elsewhere' },
      ].map((p) => [p.networkId, p]),
    );
    expect(poolsAt(index, 'flat-a')).toEqual({ poolIds: new Set(['residents']), locations: new Set(['flat-a', 'lobby']) });
    expect(poolsAt(index, 'lobby').locations).toEqual(new Set(['flat-a', 'lobby', 'gym']));
    expect(poolsAt(index, 'nowhere')).toEqual({ poolIds: new Set(), locations: new Set() });
  });
});
