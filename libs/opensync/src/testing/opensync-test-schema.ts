// A cut-down OpenSync 7 schema (column types as in interfaces/opensync.ovsschema) for
// unit specs that must run in a fresh clone; specs that need the whole real schema read it
// from ../shared/opensync/opensync.ovsschema and skip when it is absent.

import { DatabaseSchema } from '@lib/ovsdb';

const opt = (type: string, extra: Record<string, unknown> = {}): unknown => ({ key: { type, ...extra }, min: 0, max: 1 });
const optEnum = (values: string[]): unknown => ({ key: { type: 'string', enum: ['set', values] }, min: 0, max: 1 });
const stringMap = (max: number | 'unlimited'): unknown => ({ key: 'string', value: 'string', min: 0, max });

const VIF_COMMON: Record<string, unknown> = {
  if_name: { key: { type: 'string' } },
  enabled: opt('boolean'),
  mode: optEnum(['ap', 'ap_vlan', 'monitor', 'sta']),
  parent: opt('string', { maxLength: 17 }),
  vif_radio_idx: opt('integer', { minInteger: 0, maxInteger: 8 }),
  ssid: opt('string', { maxLength: 36 }),
  ssid_broadcast: optEnum(['enabled', 'disabled', 'disabled_null']),
  security: stringMap('unlimited'),
  bridge: opt('string'),
  mac_list: { key: { type: 'string' }, min: 0, max: 'unlimited' },
  mac_list_type: optEnum(['whitelist', 'blacklist', 'none']),
  vlan_id: opt('integer', { minInteger: 1, maxInteger: 4096 }),
  ap_bridge: opt('boolean'),
  vif_dbg_lvl: opt('integer', { minInteger: 0, maxInteger: 8 }),
};

const VIF_WPA: Record<string, unknown> = {
  wpa: opt('boolean'),
  wpa_key_mgmt: { key: { type: 'string', enum: ['set', ['wpa-psk', 'wpa2-psk', 'sae', 'sae-ext']] }, min: 0, max: 64 },
  wpa_psks: stringMap(64),
  rsn_pairwise_ccmp: opt('boolean'),
  pmf: optEnum(['disabled', 'optional', 'required']),
};

/** Column types to <column-schema>s. */
function columns(types: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(types).map(([name, type]) => [name, { type }]));
}

function schemaJson(vifColumns: Record<string, unknown>): unknown {
  return {
    name: 'Open_vSwitch',
    version: '7.11.420',
    tables: {
      Wifi_Radio_Config: {
        columns: columns({
          if_name: opt('string'),
          freq_band: { key: { type: 'string', enum: ['set', ['2.4G', '5G', '5GL', '5GU', '6G']] } },
          channel: opt('integer', { minInteger: 1, maxInteger: 233 }),
          vif_configs: { key: { type: 'uuid', refTable: 'Wifi_VIF_Config', refType: 'weak' }, min: 0, max: 'unlimited' },
        }),
        isRoot: true,
      },
      Wifi_VIF_Config: { columns: columns(vifColumns), isRoot: true },
      Wifi_VIF_State: {
        columns: columns({
          ...Object.fromEntries(Object.entries(vifColumns).filter(([name]) => name !== 'vif_dbg_lvl')),
          vif_config: { key: { type: 'uuid', refTable: 'Wifi_VIF_Config', refType: 'weak' }, min: 0, max: 1 },
          mac: opt('string', { maxLength: 17 }),
        }),
        isRoot: true,
      },
    },
  };
}

/** The <database-schema> a current device sends in get_schema. */
export const CURRENT_TEST_SCHEMA_JSON = schemaJson({ ...VIF_COMMON, ...VIF_WPA });
export const CURRENT_TEST_SCHEMA = DatabaseSchema.parse(CURRENT_TEST_SCHEMA_JSON);
export const LEGACY_TEST_SCHEMA = DatabaseSchema.parse(schemaJson(VIF_COMMON));
