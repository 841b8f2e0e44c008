import { NamedUuid, Operation, Row } from '@lib/ovsdb';
import { CachedRow, DesiredVif, RadioView } from '../desired/desired-network';
import { deviceCapabilities } from '../desired/device-capabilities';
import { desiredVifs } from '../desired/desired-vifs';
import { network, RADIO_24, RADIO_5L } from '../testing/opensync-fixtures';
import { CURRENT_TEST_SCHEMA, LEGACY_TEST_SCHEMA } from '../testing/opensync-test-schema';
import { DeviceVifView, namedUuidFor, planVifOperations } from './plan-vif-operations';

const NOW = new Date('2026-01-01T12:00:00Z');
const CAPS = deviceCapabilities(CURRENT_TEST_SCHEMA);
const VIF_24 = 'c0000000-0000-4000-8000-000000000024';
const VIF_5L = 'c0000000-0000-4000-8000-0000000005a0';
const BHAUL = 'b0000000-0000-4000-8000-000000000001';

function desired(networks = [network()], radios: RadioView[] = [RADIO_24, RADIO_5L]): Map<string, DesiredVif[]> {
  return desiredVifs(networks, radios, CAPS, NOW).byRadio;
}

/** The cache of a device that has applied `byRadio` exactly, plus the device's own backhaul. */
function appliedView(byRadio: Map<string, DesiredVif[]>, uuids: Record<string, string>): DeviceVifView {
  const vifConfigs: CachedRow[] = [{ _uuid: BHAUL, if_name: 'bhaul-ap-24', mode: 'ap', ssid: 'we.backhaul' }];
  const radios = [RADIO_24, RADIO_5L].map((radio) => {
    const vifs = byRadio.get(radio._uuid) ?? [];
    for (const vif of vifs) vifConfigs.push({ ...vif.row, _uuid: uuids[vif.ifName] });
    const own = radio === RADIO_24 ? [BHAUL] : [];
    return { ...radio, vif_configs: [...own, ...vifs.map((v) => uuids[v.ifName])] };
  });
  return { radios, vifConfigs };
}

const APPLIED_UUIDS = { 'ctl1-ap-24': VIF_24, 'ctl1-ap-l50': VIF_5L };

function ops(kind: Operation['op'], all: Operation[]): Operation[] {
  return all.filter((op) => op.op === kind);
}

function mutateFor(radioUuid: string, all: Operation[]): unknown {
  const op = all.find((o) => o.op === 'mutate' && JSON.stringify(o.where) === JSON.stringify([['_uuid', '==', ['uuid', radioUuid]]]));
  return op && op.op === 'mutate' ? op.mutations : undefined;
}

describe('planVifOperations', () => {
  it('is empty when the device is in sync (idempotent)', () => {
    const want = desired();
    expect(planVifOperations(want, appliedView(want, APPLIED_UUIDS), CURRENT_TEST_SCHEMA)).toEqual([]);
  });

  it('inserts a new VIF with a named uuid and references it from its radio in the same transaction', () => {
    const want = desired([network({ bands: ['BAND_2_4G'] })]);
    const plan = planVifOperations(want, { radios: [RADIO_24, RADIO_5L], vifConfigs: [] }, CURRENT_TEST_SCHEMA);
    expect(plan.map((o) => o.op)).toEqual(['insert', 'mutate']);
    const [insert] = plan;
    expect(insert).toMatchObject({ op: 'insert', table: 'Wifi_VIF_Config', 'uuid-name': 'vif_ctl1_ap_24' });
    if (insert.op !== 'insert') throw new Error('expected insert');
    expect(insert.row).toMatchObject({
      if_name: 'ctl1-ap-24',
      mode: 'ap',
      ssid: 'Home',
      wpa_key_mgmt: ['set', ['wpa-psk']],
      wpa_psks: ['map', [['key--1', 'correct horse']]],
      vif_radio_idx: 2,
    });
    expect('vlan_id' in insert.row).toBe(false);
    expect(plan[1]).toEqual({
      op: 'mutate',
      table: 'Wifi_Radio_Config',
      where: [['_uuid', '==', ['uuid', RADIO_24._uuid]]],
      mutations: [['vif_configs', 'insert', ['set', [['named-uuid', 'vif_ctl1_ap_24']]]]],
    });
  });

  it('updates only the changed columns of an existing VIF', () => {
    const before = desired();
    const after = desired([network({ ssid: 'New name', passphrase: 'new passphrase' })]);
    const plan = planVifOperations(after, appliedView(before, APPLIED_UUIDS), CURRENT_TEST_SCHEMA);
    expect(plan).toEqual([
      {
        op: 'update',
        table: 'Wifi_VIF_Config',
        where: [['_uuid', '==', ['uuid', VIF_24]]],
        row: { ssid: 'New name', wpa_psks: ['map', [['key--1', 'new passphrase']]] },
      },
      {
        op: 'update',
        table: 'Wifi_VIF_Config',
        where: [['_uuid', '==', ['uuid', VIF_5L]]],
        row: { ssid: 'New name', wpa_psks: ['map', [['key--1', 'new passphrase']]] },
      },
    ]);
  });

  it('clears a column the network no longer sets (VLAN removed) with an empty set', () => {
    const before = desired([network({ vlanId: 30, bands: ['BAND_2_4G'] })]);
    const after = desired([network({ bands: ['BAND_2_4G'] })]);
    const plan = planVifOperations(after, appliedView(before, APPLIED_UUIDS), CURRENT_TEST_SCHEMA);
    expect(plan).toEqual([
      { op: 'update', table: 'Wifi_VIF_Config', where: [['_uuid', '==', ['uuid', VIF_24]]], row: { vlan_id: ['set', []] } },
    ]);
  });

  it('treats sets and maps in the cache without order', () => {
    const want = desired([network({ securityMode: 'WPA2_WPA3', bands: ['BAND_2_4G'] })]);
    const view = appliedView(want, APPLIED_UUIDS);
    const reordered = view.vifConfigs.map((row) =>
      row._uuid === VIF_24 ? { ...row, wpa_key_mgmt: ['sae', 'wpa-psk'] } : row,
    );
    expect(planVifOperations(want, { ...view, vifConfigs: reordered }, CURRENT_TEST_SCHEMA)).toEqual([]);
  });

  it('deletes a VIF no longer desired and removes its reference, leaving the device rows alone', () => {
    const before = desired();
    const after = desired([network({ bands: ['BAND_2_4G'] })]);
    const plan = planVifOperations(after, appliedView(before, APPLIED_UUIDS), CURRENT_TEST_SCHEMA);
    expect(plan).toEqual([
      {
        op: 'mutate',
        table: 'Wifi_Radio_Config',
        where: [['_uuid', '==', ['uuid', RADIO_5L._uuid]]],
        mutations: [['vif_configs', 'delete', ['set', [['uuid', VIF_5L]]]]],
      },
      { op: 'delete', table: 'Wifi_VIF_Config', where: [['_uuid', '==', ['uuid', VIF_5L]]] },
    ]);
  });

  it('removes every owned VIF when nothing is desired, and never the device rows', () => {
    const view = appliedView(desired(), APPLIED_UUIDS);
    const plan = planVifOperations(new Map(), view, CURRENT_TEST_SCHEMA);
    expect(ops('delete', plan)).toHaveLength(2);
    expect(JSON.stringify(plan)).not.toContain(BHAUL);
  });

  it('never touches rows outside the naming rule, even with the same SSID', () => {
    const want = desired([network({ bands: ['BAND_2_4G'] })]);
    const view = appliedView(want, APPLIED_UUIDS);
    const foreign: CachedRow = { _uuid: 'f0000000-0000-4000-8000-000000000001', if_name: 'home-ap-24', ssid: 'Home', mode: 'ap' };
    const plan = planVifOperations(want, { ...view, vifConfigs: [...view.vifConfigs, foreign] }, CURRENT_TEST_SCHEMA);
    expect(plan).toEqual([]);
  });

  it('re-attaches an owned row that no radio references', () => {
    const want = desired([network({ bands: ['BAND_2_4G'] })]);
    const view = appliedView(want, APPLIED_UUIDS);
    const radios = view.radios.map((r) => ({ ...r, vif_configs: r.vif_configs.filter((u) => u !== VIF_24) }));
    const plan = planVifOperations(want, { ...view, radios }, CURRENT_TEST_SCHEMA);
    expect(plan).toEqual([
      {
        op: 'mutate',
        table: 'Wifi_Radio_Config',
        where: [['_uuid', '==', ['uuid', RADIO_24._uuid]]],
        mutations: [['vif_configs', 'insert', ['set', [['uuid', VIF_24]]]]],
      },
    ]);
  });

  it('moves the reference of an owned row referenced by the wrong radio', () => {
    const want = desired([network({ bands: ['BAND_2_4G'] })]);
    const view = appliedView(want, APPLIED_UUIDS);
    const radios = view.radios.map((r) =>
      r._uuid === RADIO_24._uuid ? { ...r, vif_configs: [BHAUL] } : { ...r, vif_configs: [...r.vif_configs, VIF_24] },
    );
    const plan = planVifOperations(want, { ...view, radios }, CURRENT_TEST_SCHEMA);
    expect(mutateFor(RADIO_24._uuid, plan)).toEqual([['vif_configs', 'insert', ['set', [['uuid', VIF_24]]]]]);
    expect(mutateFor(RADIO_5L._uuid, plan)).toEqual([['vif_configs', 'delete', ['set', [['uuid', VIF_24]]]]]);
    expect(plan).toHaveLength(2);
  });

  it('keeps the referenced row among duplicates of one if_name and deletes the others', () => {
    const want = desired([network({ bands: ['BAND_2_4G'] })]);
    const view = appliedView(want, APPLIED_UUIDS);
    const dup: CachedRow = { ...(view.vifConfigs.find((r) => r._uuid === VIF_24) as CachedRow), _uuid: '00000000-0000-4000-8000-000000000001' };
    const plan = planVifOperations(want, { ...view, vifConfigs: [...view.vifConfigs, dup] }, CURRENT_TEST_SCHEMA);
    expect(plan).toEqual([{ op: 'delete', table: 'Wifi_VIF_Config', where: [['_uuid', '==', ['uuid', dup._uuid]]] }]);
  });

  it('combines inserts and deletes on one radio into one mutate', () => {
    const before = desired([network({ bands: ['BAND_2_4G'] })]);
    const after = desired([network({ id: 'guest', slot: 2, bands: ['BAND_2_4G'] })]);
    const plan = planVifOperations(after, appliedView(before, APPLIED_UUIDS), CURRENT_TEST_SCHEMA);
    expect(plan.map((o) => o.op)).toEqual(['insert', 'mutate', 'delete']);
    expect(mutateFor(RADIO_24._uuid, plan)).toEqual([
      ['vif_configs', 'delete', ['set', [['uuid', VIF_24]]]],
      ['vif_configs', 'insert', ['set', [['named-uuid', 'vif_ctl2_ap_24']]]],
    ]);
  });

  it('writes the legacy security map on a device whose schema lacks the wpa columns', () => {
    const legacyCaps = deviceCapabilities(LEGACY_TEST_SCHEMA);
    const want = desiredVifs([network({ bands: ['BAND_2_4G'] })], [RADIO_24], legacyCaps, NOW).byRadio;
    const [insert] = planVifOperations(want, { radios: [RADIO_24], vifConfigs: [] }, LEGACY_TEST_SCHEMA);
    if (insert.op !== 'insert') throw new Error('expected insert');
    expect(insert.row.security).toEqual(['map', [['encryption', 'WPA-PSK'], ['key', 'correct horse'], ['mode', '2']]]);
    expect(insert.row.wpa).toBeUndefined();
  });

  it('fails before sending when a desired column is missing from the device schema', () => {
    const want = desired([network({ bands: ['BAND_2_4G'] })]);
    expect(() => planVifOperations(want, { radios: [RADIO_24], vifConfigs: [] }, LEGACY_TEST_SCHEMA)).toThrow(
      expect.objectContaining({ code: 'SCHEMA_UNKNOWN_COLUMN' }),
    );
  });

  it('refuses to manage a VIF outside the naming rule', () => {
    const row: Row = { if_name: 'home-ap-24', ssid: 'x' };
    const want = new Map([[RADIO_24._uuid, [{ networkId: 'n', radioUuid: RADIO_24._uuid, radioBand: '2.4G' as const, ifName: 'home-ap-24', row }]]]);
    expect(() => planVifOperations(want, { radios: [RADIO_24], vifConfigs: [] }, CURRENT_TEST_SCHEMA)).toThrow(
      expect.objectContaining({ code: 'VIF_NOT_OWNED' }),
    );
  });

  it('refuses VIFs for a radio the device does not have', () => {
    expect(() => planVifOperations(desired(), { radios: [RADIO_24], vifConfigs: [] }, CURRENT_TEST_SCHEMA)).toThrow(
      expect.objectContaining({ code: 'RADIO_UNKNOWN' }),
    );
  });

  it('refuses the same if_name desired on two radios', () => {
    const [vif] = desired([network({ bands: ['BAND_2_4G'] })]).get(RADIO_24._uuid) ?? [];
    const want = new Map([[RADIO_24._uuid, [vif]], [RADIO_5L._uuid, [vif]]]);
    expect(() => planVifOperations(want, { radios: [RADIO_24, RADIO_5L], vifConfigs: [] }, CURRENT_TEST_SCHEMA)).toThrow(
      expect.objectContaining({ code: 'VIF_NAME_DUPLICATE' }),
    );
  });

  it('names inserted rows with valid named uuids', () => {
    expect(namedUuidFor('ctl7-ap-u50')).toBe('vif_ctl7_ap_u50');
    expect(() => new NamedUuid(namedUuidFor('ctl7-ap-u50'))).not.toThrow();
  });
});
