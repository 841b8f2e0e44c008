// What a reboot looks like on the wire (docs/operations.md, "Reboot"): read the marker of the
// device's current boot (AWLAN_Node.boot_time, the highest Reboot_Status.count) and its
// Node_State no_reboot flag; command the reboot by the method of its family (TIP's
// firmware_url "reboot" plus upgrade_timer); after it comes back, delete the Reboot_Status
// rows read, as DM allows. Everything goes through the session the reconciler holds.

import { OperationBuilder, OperationResult, Row, Value } from '@lib/ovsdb';
import { DeviceConnection } from '../../reconciler/sessions/device-connection';
import { OPENSYNC_DB } from '../../southbound/device-identification';
import { TargetAttempt } from '../device-operation-target.entity';

export const REBOOT_URL = 'reboot';

export interface BootObservation {
  bootTime?: number;
  rebootCount?: number;
  firmwareUrl: string;
  firmwareVersion?: string;
  upgradeStatus?: number;
  upgradeTimer?: number;
  noReboot: boolean;
}

export function integerOf(value: Value): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (Array.isArray(value) && value.length === 1) return integerOf(value[0]);
  return undefined;
}

function rows(result: OperationResult | undefined): Row[] {
  return result?.op === 'select' ? result.rows : [];
}

/** One select transaction: AWLAN_Node's boot and upgrade columns, Reboot_Status counts, the no_reboot flag. */
export async function observeBoot(connection: DeviceConnection, timeoutMs: number): Promise<BootObservation> {
  const schema = connection.schema;
  const ops = new OperationBuilder(schema);
  const awlan = schema.requireTable('AWLAN_Node');
  const columns = ['boot_time', 'firmware_url', 'firmware_version', 'upgrade_status', 'upgrade_timer'].filter((c) => awlan.columns.has(c));
  const selects = [ops.select('AWLAN_Node', [], columns)];
  const hasReboots = schema.table('Reboot_Status')?.columns.has('count') ?? false;
  if (hasReboots) selects.push(ops.select('Reboot_Status', [], ['count']));
  const hasNodeState = schema.table('Node_State')?.columns.has('module') ?? false;
  if (hasNodeState) selects.push(ops.select('Node_State', [['module', '==', 'no_reboot'], ['key', '==', 'no_reboot']], ['value']));
  const results = await connection.session.transact(OPENSYNC_DB, selects, { timeoutMs });
  const node = rows(results[0])[0] ?? {};
  const counts = hasReboots ? rows(results[1]).map((r) => integerOf(r.count)).filter((c): c is number => c !== undefined) : [];
  const flags = hasNodeState ? rows(results[selects.length - 1]) : [];
  return {
    bootTime: integerOf(node.boot_time),
    rebootCount: counts.length > 0 ? Math.max(...counts) : undefined,
    firmwareUrl: typeof node.firmware_url === 'string' ? node.firmware_url : '',
    firmwareVersion: typeof node.firmware_version === 'string' ? node.firmware_version : undefined,
    upgradeStatus: integerOf(node.upgrade_status),
    upgradeTimer: integerOf(node.upgrade_timer),
    noReboot: flags.some((r) => r.value === 'true'),
  };
}

/** What is recorded before the command: the marker of the boot that must end. */
export function bootMarker(observation: BootObservation): TargetAttempt {
  return { bootTime: observation.bootTime, rebootCount: observation.rebootCount };
}

/**
 * Whether the device now runs a boot later than the marker: a higher Reboot_Status count, or
 * another boot_time. Returns the evidence in words, or undefined for the same boot.
 */
export function newBootEvidence(marker: TargetAttempt, now: BootObservation): string | undefined {
  if (now.rebootCount !== undefined && (marker.rebootCount === undefined || now.rebootCount > marker.rebootCount)) {
    return `Reboot_Status count ${marker.rebootCount ?? 'none'} -> ${now.rebootCount}`;
  }
  if (now.bootTime !== undefined && marker.bootTime !== undefined && now.bootTime !== marker.bootTime) {
    return `boot_time ${marker.bootTime} -> ${now.bootTime}`;
  }
  return undefined;
}

/** TIP's reboot: firmware_url "reboot" with upgrade_timer in one update. */
export async function commandTipReboot(connection: DeviceConnection, current: BootObservation, delaySeconds: number, timeoutMs: number): Promise<void> {
  await writeFirmwareUrl(connection, current.firmwareUrl, REBOOT_URL, { upgrade_timer: delaySeconds }, timeoutMs);
}

/**
 * Writes firmware_url (with `extra` columns). UM acts only on a change, so a URL equal to the
 * current one is cleared first, in a transaction of its own.
 */
export async function writeFirmwareUrl(connection: DeviceConnection, currentUrl: string, url: string, extra: Row, timeoutMs: number): Promise<void> {
  const ops = new OperationBuilder(connection.schema);
  if (currentUrl === url) await connection.session.transact(OPENSYNC_DB, [ops.update('AWLAN_Node', [], { firmware_url: '' })], { timeoutMs });
  await connection.session.transact(OPENSYNC_DB, [ops.update('AWLAN_Node', [], { firmware_url: url, ...extra })], { timeoutMs });
}

export async function armUpgradeTimer(connection: DeviceConnection, seconds: number, timeoutMs: number): Promise<void> {
  const ops = new OperationBuilder(connection.schema);
  await connection.session.transact(OPENSYNC_DB, [ops.update('AWLAN_Node', [], { upgrade_timer: seconds })], { timeoutMs });
}

/** Deletes the Reboot_Status rows up to `count` (read by the controller; DM drops them from its store). */
export async function forgetRebootRows(connection: DeviceConnection, count: number, timeoutMs: number): Promise<void> {
  if (!(connection.schema.table('Reboot_Status')?.columns.has('count') ?? false)) return;
  const ops = new OperationBuilder(connection.schema);
  await connection.session.transact(OPENSYNC_DB, [ops.delete('Reboot_Status', [['count', '<=', count]])], { timeoutMs });
}

export type RebootStatusVerdict = { ok: true } | { ok: false; unsupported: boolean; detail: string };

/**
 * upgrade_status while a TIP reboot is pending: 0 (idle), 10/11 (the "download" of "reboot")
 * and 12 (TIP's reboot started) are progress; a negative code means the firmware treated
 * "reboot" as an image URL and failed: no reboot through firmware_url on this device.
 */
export function judgeRebootStatus(code: number): RebootStatusVerdict {
  if ([0, 10, 11, 12].includes(code)) return { ok: true };
  if (code < 0) return { ok: false, unsupported: true, detail: `upgrade_status ${code}: the device treated "reboot" as a firmware download` };
  return { ok: false, unsupported: false, detail: `upgrade_status ${code} is not a reboot status` };
}
