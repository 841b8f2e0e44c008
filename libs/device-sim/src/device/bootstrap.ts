// What OpenSync bootstrap scripts put in the database before the managers start: the
// Open_vSwitch root row (bridges hang off it; ovsdb init creates it on a real device), AWLAN_Node (identity, firmware, where to connect, backoff) and one Wifi_Radio_Config plus
// Wifi_Radio_State row per radio. Columns the schema lacks are left out.
import { OvsdbError, Value } from '@lib/ovsdb';
import { DeviceDbPort, transactionError } from './device-db-port';
import { DeviceProfile, RADIO_DEFAULTS } from './device-profile';
import { simulatedMac, wireRow } from './wire-values';

function only(port: DeviceDbPort, table: string, row: Record<string, Value>): Record<string, unknown> {
  const kept: Record<string, Value> = {};
  for (const [k, v] of Object.entries(row)) if (port.hasColumn(table, k)) kept[k] = v;
  return wireRow(kept);
}

export function awlanNodeRow(profile: DeviceProfile, bootTime: number): Record<string, Value> {
  return {
    id: profile.serial,
    serial_number: profile.serial,
    model: profile.model,
    sku_number: `${profile.model}-SKU`,
    revision: '1',
    firmware_version: profile.firmwareVersion,
    platform_version: `sim-${profile.firmwareVersion}`,
    boot_time: bootTime,
    redirector_addr: profile.redirectorAddr ?? '',
    manager_addr: profile.managerAddr ?? '',
    min_backoff: profile.minBackoff,
    max_backoff: profile.maxBackoff,
    upgrade_status: 0,
  };
}

export async function bootstrapDevice(port: DeviceDbPort, profile: DeviceProfile, bootTime: number): Promise<void> {
  const ops: object[] = [{ op: 'insert', table: 'AWLAN_Node', row: only(port, 'AWLAN_Node', awlanNodeRow(profile, bootTime)) }];
  if (port.columnNames('Open_vSwitch').length > 0 && port.rows('Open_vSwitch').length === 0) ops.push({ op: 'insert', table: 'Open_vSwitch', row: {} });
  for (const band of profile.bands) {
    const r = RADIO_DEFAULTS[band];
    const common: Record<string, Value> = {
      if_name: r.ifName,
      freq_band: band,
      enabled: true,
      hw_type: 'sim',
      country: 'US',
      channel: r.channel,
      ht_mode: r.htMode,
      hw_mode: r.hwMode,
      tx_power: 20,
    };
    const name = `radio_${r.ifName}`;
    ops.push({ op: 'insert', table: 'Wifi_Radio_Config', 'uuid-name': name, row: only(port, 'Wifi_Radio_Config', { ...common, channel_mode: 'manual' }) });
    ops.push({
      op: 'insert',
      table: 'Wifi_Radio_State',
      row: { ...only(port, 'Wifi_Radio_State', { ...common, mac: simulatedMac(profile.serial, r.ifName) }), radio_config: ['named-uuid', name] },
    });
  }
  const error = transactionError(await port.transact(ops));
  if (error) throw new OvsdbError('TRANSACTION_FAILED', `serial=${profile.serial} bootstrap failed: ${error}`);
}
