import * as fs from 'fs';
import * as path from 'path';
import { DatabaseSchema } from '@lib/ovsdb';
import { capabilitiesFromColumns, deviceCapabilities } from './device-capabilities';

const SCHEMA_PATH = path.resolve(__dirname, '../../../../../shared/opensync/opensync.ovsschema');
const haveSchema = fs.existsSync(SCHEMA_PATH);
if (!haveSchema && process.env.REQUIRE_OVSDB === '1') {
  throw new Error(`REQUIRE_OVSDB=1 but the OpenSync schema is missing at ${SCHEMA_PATH}`);
}

function tinySchema(vifConfigColumns: Record<string, unknown>): unknown {
  return {
    name: 'Open_vSwitch',
    version: '1.0.0',
    tables: {
      Wifi_VIF_Config: { columns: vifConfigColumns },
      Wifi_VIF_State: { columns: { if_name: { type: 'string' }, vif_config: { type: { key: 'uuid', min: 0, max: 1 } } } },
    },
  };
}

describe('deviceCapabilities', () => {
  it('chooses the wpa columns when the device has all three', () => {
    const caps = capabilitiesFromColumns(['if_name', 'wpa', 'wpa_key_mgmt', 'wpa_psks', 'security'], ['if_name']);
    expect(caps.securityStyle).toBe('wpa');
  });

  it('falls back to the legacy security map when one wpa column is missing', () => {
    expect(capabilitiesFromColumns(['if_name', 'wpa', 'wpa_key_mgmt', 'security'], []).securityStyle).toBe('legacy');
    expect(capabilitiesFromColumns(['if_name'], []).securityStyle).toBe('none');
  });

  it('reads the columns of a parsed schema', () => {
    const schema = DatabaseSchema.parse(
      tinySchema({ if_name: { type: 'string' }, security: { type: { key: 'string', value: 'string', min: 0, max: 'unlimited' } } }),
    );
    const caps = deviceCapabilities(schema);
    expect(caps.securityStyle).toBe('legacy');
    expect([...caps.vifConfigColumns].sort()).toEqual(['if_name', 'security']);
    expect(caps.vifStateColumns.has('vif_config')).toBe(true);
    expect(caps.vifConfigColumns.has('_uuid')).toBe(false);
  });

  it('is computed once per schema: devices that sent the same schema share the result', () => {
    const json = tinySchema({ if_name: { type: 'string' }, wpa: { type: 'boolean' } });
    const schema = DatabaseSchema.parse(json);
    expect(deviceCapabilities(schema)).toBe(deviceCapabilities(schema));
    const other = DatabaseSchema.parse(json);
    expect(deviceCapabilities(other)).not.toBe(deviceCapabilities(schema));
    expect(deviceCapabilities(other)).toEqual(deviceCapabilities(schema));
  });

  it('fails with SCHEMA_TABLE_MISSING on a schema without the VIF tables', () => {
    const schema = DatabaseSchema.parse({ name: 'Open_vSwitch', version: '1.0.0', tables: { AWLAN_Node: { columns: { id: { type: 'string' } } } } });
    expect(() => deviceCapabilities(schema)).toThrow(expect.objectContaining({ code: 'SCHEMA_TABLE_MISSING' }));
  });

  (haveSchema ? it : it.skip)('knows the real OpenSync 7 schema as a wpa-column device (skipped: no ../shared/opensync/opensync.ovsschema)', () => {
    const schema = DatabaseSchema.parse(JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')));
    const caps = deviceCapabilities(schema);
    expect(caps.securityStyle).toBe('wpa');
    for (const column of ['ap_bridge', 'vif_radio_idx', 'ssid_broadcast', 'bridge', 'vlan_id', 'pmf', 'rsn_pairwise_ccmp']) {
      expect(caps.vifConfigColumns.has(column)).toBe(true);
    }
  });
});
