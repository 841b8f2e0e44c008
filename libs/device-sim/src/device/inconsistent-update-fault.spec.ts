import { InconsistentUpdateFault } from './inconsistent-update-fault';

describe('InconsistentUpdateFault', () => {
  it('follows the first N notifications with Wifi_VIF_State rows by a phantom modify, in either notation', () => {
    const seen: number[] = [];
    const fault = new InconsistentUpdateFault({ inconsistentUpdates: 2 }, () => seen.push(fault.injected));
    expect(fault.hook('Open_vSwitch', 'monitor_cond', { Wifi_VIF_Config: {} })).toBeUndefined();
    const first = fault.hook('Open_vSwitch', 'monitor_cond', { Wifi_VIF_State: {} }) as Record<string, Record<string, unknown>>;
    expect(Object.values(first.Wifi_VIF_State)).toEqual([{ modify: { enabled: true } }]);
    const second = fault.hook('Open_vSwitch', 'monitor', { Wifi_VIF_State: {} }) as Record<string, Record<string, unknown>>;
    expect(Object.values(second.Wifi_VIF_State)).toEqual([{ old: { enabled: false }, new: { enabled: true } }]);
    expect(Object.keys(first.Wifi_VIF_State)).not.toEqual(Object.keys(second.Wifi_VIF_State));
    expect(fault.hook('Open_vSwitch', 'monitor_cond', { Wifi_VIF_State: {} })).toBeUndefined();
    expect(fault.injected).toBe(2);
    expect(seen).toEqual([1, 2]);
  });
});
