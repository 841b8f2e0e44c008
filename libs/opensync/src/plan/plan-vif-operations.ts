// The minimal Wifi_VIF_Config transaction that makes a device carry the desired VIFs, as a
// pure function of (desired, device cache, device schema), built with the schema-validated
// OperationBuilder so a column the device lacks fails here, not on the device.
//
// OpenSync applies a VIF only while a Wifi_Radio_Config.vif_configs set references it, so a
// new row is inserted with a named uuid and referenced by its radio in the same
// transaction, and a removed row loses its reference together with the row. Only rows the
// naming rule marks as ours are ever updated or deleted.

import { DatabaseSchema, NamedUuid, Operation, OperationBuilder, Row, Value } from '@lib/ovsdb';
import { OpensyncError } from '../errors';
import { CachedRow, DesiredVif, RadioView } from '../desired/desired-network';
import { isControllerOwned } from '../naming/vif-naming';
import { isEmptyValue, valuesEqual } from '../values/value-equality';
import { RadioRefChanges } from './radio-ref-changes';

export const VIF_CONFIG_TABLE = 'Wifi_VIF_Config';
export const RADIO_CONFIG_TABLE = 'Wifi_Radio_Config';

export interface DeviceVifView {
  radios: readonly RadioView[];
  /** Every Wifi_VIF_Config row in the device cache, ours and the device's own. */
  vifConfigs: readonly CachedRow[];
}

export function planVifOperations(
  desiredByRadio: ReadonlyMap<string, readonly DesiredVif[]>,
  device: DeviceVifView,
  schema: DatabaseSchema,
): Operation[] {
  const builder = new OperationBuilder(schema);
  const radios = new Map(device.radios.map((r) => [r._uuid, r]));
  const refs = new RadioRefChanges(device.radios);
  const owned = ownedRowsByName(device.vifConfigs);
  const desired = flattenDesired(desiredByRadio, radios);

  const updates: Operation[] = [];
  const inserts: Operation[] = [];
  const deletes: Operation[] = [];
  const keep = new Set<string>();

  for (const vif of desired) {
    const existing = pickRow(owned.get(vif.ifName) ?? [], vif.radioUuid, refs);
    if (!existing) {
      const name = new NamedUuid(namedUuidFor(vif.ifName));
      inserts.push(builder.insert(VIF_CONFIG_TABLE, withoutEmpty(vif.row), name));
      refs.attach(vif.radioUuid, name);
      continue;
    }
    keep.add(existing._uuid);
    const changed = changedColumns(vif.row, existing);
    if (Object.keys(changed).length > 0) {
      updates.push(builder.update(VIF_CONFIG_TABLE, [['_uuid', '==', existing._uuid]], changed));
    }
    refs.attachOnlyTo(vif.radioUuid, existing._uuid);
  }

  for (const rows of owned.values()) {
    for (const row of rows) {
      if (keep.has(row._uuid)) continue;
      refs.detachEverywhere(row._uuid);
      deletes.push(builder.delete(VIF_CONFIG_TABLE, [['_uuid', '==', row._uuid]]));
    }
  }

  const mutates = refs.mutations().map(({ radioUuid, mutations }) =>
    builder.mutate(RADIO_CONFIG_TABLE, [['_uuid', '==', radioUuid]], mutations),
  );
  // Inserts precede the mutates that name them; deletes come last, after their references go.
  return [...updates, ...inserts, ...mutates, ...deletes];
}

/** ctl1-ap-24 -> vif_ctl1_ap_24: a named uuid must be an <id>. */
export function namedUuidFor(ifName: string): string {
  return `vif_${ifName.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

function flattenDesired(
  desiredByRadio: ReadonlyMap<string, readonly DesiredVif[]>,
  radios: ReadonlyMap<string, RadioView>,
): DesiredVif[] {
  const seen = new Set<string>();
  const all: DesiredVif[] = [];
  for (const [radioUuid, vifs] of desiredByRadio) {
    if (!radios.has(radioUuid)) {
      if (vifs.length === 0) continue;
      throw new OpensyncError('RADIO_UNKNOWN', `desired VIFs for radio ${radioUuid}, which the device does not have`, { radioUuid });
    }
    for (const vif of vifs) {
      if (!isControllerOwned(vif.ifName) || vif.row.if_name !== vif.ifName) {
        throw new OpensyncError('VIF_NOT_OWNED', `refusing to manage ${vif.ifName}: not a controller-owned if_name`, { ifName: vif.ifName });
      }
      if (seen.has(vif.ifName)) {
        throw new OpensyncError('VIF_NAME_DUPLICATE', `${vif.ifName} is desired twice on one device`, { ifName: vif.ifName });
      }
      seen.add(vif.ifName);
      all.push({ ...vif, radioUuid });
    }
  }
  return all;
}

/** Our rows by if_name, in uuid order so that the choice among duplicates is stable. */
function ownedRowsByName(rows: readonly CachedRow[]): Map<string, CachedRow[]> {
  const byName = new Map<string, CachedRow[]>();
  for (const row of [...rows].sort((a, b) => a._uuid.localeCompare(b._uuid))) {
    const name = row.if_name;
    if (typeof name !== 'string' || !isControllerOwned(name)) continue;
    byName.set(name, [...(byName.get(name) ?? []), row]);
  }
  return byName;
}

/**
 * The row to keep when several share an if_name (a crash between two passes can leave
 * one): the one the right radio already references, else any referenced one, else the first.
 */
function pickRow(rows: readonly CachedRow[], radioUuid: string, refs: RadioRefChanges): CachedRow | undefined {
  return (
    rows.find((row) => refs.references(radioUuid, row._uuid)) ??
    rows.find((row) => refs.isReferenced(row._uuid)) ??
    rows[0]
  );
}

function changedColumns(desired: Readonly<Row>, existing: CachedRow): Row {
  const changed: Row = {};
  for (const [column, value] of Object.entries(desired)) {
    if (!valuesEqual(value, existing[column])) changed[column] = value;
  }
  return changed;
}

function withoutEmpty(row: Readonly<Row>): Row {
  return Object.fromEntries(Object.entries(row).filter(([, value]: [string, Value]) => !isEmptyValue(value)));
}
