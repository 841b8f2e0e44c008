import { radioViewFromRow, radioViews } from './radio-view';

describe('radioViewFromRow', () => {
  it('keeps uuid, if_name, band and the uuid references', () => {
    const row = { _uuid: 'r1', if_name: 'wifi0', freq_band: '2.4G', vif_configs: ['v1', 'v2'], channel: 6 };
    expect(radioViewFromRow(row)).toEqual({ _uuid: 'r1', if_name: 'wifi0', freq_band: '2.4G', vif_configs: ['v1', 'v2'] });
  });

  it('reads absent if_name and vif_configs as none', () => {
    expect(radioViewFromRow({ _uuid: 'r1', freq_band: '5G' })).toEqual({ _uuid: 'r1', if_name: undefined, freq_band: '5G', vif_configs: [] });
  });

  it('leaves out a radio without freq_band', () => {
    expect(radioViewFromRow({ _uuid: 'r1', if_name: 'wifi0' })).toBeNull();
    expect(radioViews([{ _uuid: 'r1' }, { _uuid: 'r2', freq_band: '6G' }]).map((r) => r._uuid)).toEqual(['r2']);
  });
});
