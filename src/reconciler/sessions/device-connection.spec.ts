import { DatabaseSchema } from '@lib/ovsdb';
import { monitoredWifiTables } from './device-connection';

function schemaJson(): unknown {
  return {
    name: 'Open_vSwitch',
    version: '1.0.0',
    tables: {
      // An older device: no channel column, no Wifi_Radio_State table.
      Wifi_Radio_Config: { columns: { if_name: { type: 'string' }, freq_band: { type: 'string' }, hw_type: { type: 'string' } } },
      Wifi_VIF_Config: { columns: { if_name: { type: 'string' }, ssid: { type: 'string' }, btm: { type: 'integer' } } },
      Wifi_VIF_State: { columns: { if_name: { type: 'string' }, vif_config: { type: 'string' }, mac: { type: 'string' } } },
      AWLAN_Node: { columns: { id: { type: 'string' } } },
    },
  };
}

describe('monitoredWifiTables', () => {
  it('monitors the WiFi tables the schema has, limited to the columns it has', () => {
    const monitored = monitoredWifiTables(DatabaseSchema.parse(schemaJson()));
    expect(Object.keys(monitored).sort()).toEqual(['Wifi_Radio_Config', 'Wifi_VIF_Config', 'Wifi_VIF_State']);
    expect(monitored.Wifi_Radio_Config.columns).toEqual(['if_name', 'freq_band']);
    // The VIF tables: the columns the controller sets (and the state's link), as far as the schema has them.
    expect(monitored.Wifi_VIF_Config.columns).toEqual(['if_name', 'ssid']);
    expect(monitored.Wifi_VIF_State.columns).toEqual(['if_name', 'vif_config']);
  });

  it('is computed once per schema, so sessions sharing a schema share the column lists', () => {
    const schema = DatabaseSchema.parse(schemaJson());
    expect(monitoredWifiTables(schema)).toBe(monitoredWifiTables(schema));
    expect(Object.isFrozen(monitoredWifiTables(schema))).toBe(true);
    expect(monitoredWifiTables(DatabaseSchema.parse(schemaJson()))).not.toBe(monitoredWifiTables(schema));
  });
});
