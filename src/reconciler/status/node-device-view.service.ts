// What node.vifs and node.radios show: computed on request from the device (radios from the
// replica; VIF rows read whole from the device, judged on the replica's columns) and the
// desired state, with the same rules the reconciler uses, so the view can never claim a
// convergence the status does not. What each caller sees of the rows is decided by
// vif-row-visibility.ts (allow-lists; rows not yet in the desired state redacted).

import { radioBandOf } from '../graphql/device-enums';
import { Inject, Injectable } from '@nestjs/common';
import { CachedRow, DesiredNetwork, DesiredVif, isControllerOwned, networkNodeStatus } from '@lib/opensync';
import { DesiredStateService } from '../desired-state.service';
import { RECONCILER_CONFIG, ReconcilerConfig } from '../reconciler-config';
import { NodeRadio, NodeVif } from '../graphql/node-device.types';
import { VifMismatch } from '../graphql/status.types';
import { monitoredWifiTables } from '../sessions/device-connection';
import { DeviceConnectionsService } from '../sessions/device-connections.service';
import { ClientBlocks } from '../worker/client-blocks';
import { planPass, rowsOf } from '../worker/vif-pass';
import { jsonMismatch } from './json-mismatch';
import { projectRow, readLiveVifRows } from './live-vif-rows';
import type { RemoteDeviceViews } from './remote-device-views';
import { NodeStatusMismatch } from './node-network-statuses';
import { VifAudience, VifRowPolicy, vifRowPolicy, visibleRow, visibleValue } from './vif-row-visibility';

@Injectable()
export class NodeDeviceViewService {
  /** Set by the cluster: asks the instance that holds a device this one does not. */
  remote: RemoteDeviceViews | undefined;

  constructor(
    private readonly connections: DeviceConnectionsService,
    private readonly desired: DesiredStateService,
    private readonly blocks: ClientBlocks,
    @Inject(RECONCILER_CONFIG) private readonly config: ReconcilerConfig,
  ) {}

  /** With the serial, a device held by another instance is asked there. */
  async radios(nodeId: string, serial?: string): Promise<NodeRadio[]> {
    const connection = this.connections.forNode(nodeId);
    if (connection === undefined) return (serial !== undefined && (await this.remote?.radios(nodeId, serial))) || [];
    const state = rowsOf(connection, 'Wifi_Radio_State');
    const rows = state.length > 0 ? state : rowsOf(connection, 'Wifi_Radio_Config');
    return rows
      .map((r) => ({
        band: radioBandOf(r.freq_band),
        channel: typeof r.channel === 'number' ? r.channel : null,
        ifName: typeof r.if_name === 'string' ? r.if_name : null,
      }))
      .sort((a, b) => (a.band ?? '').localeCompare(b.band ?? '') || (a.ifName ?? '').localeCompare(b.ifName ?? ''));
  }

  async vifs(nodeId: string, audience: VifAudience, serial?: string): Promise<NodeVif[]> {
    const connection = this.connections.forNode(nodeId);
    if (connection === undefined) return (serial !== undefined && (await this.remote?.vifs(nodeId, serial, audience))) || [];
    const [device, networks] = await Promise.all([readLiveVifRows(connection), this.networksOfNode(nodeId)]);
    const now = new Date();
    const pass = planPass(connection, networks, now, this.config.isolation, this.blocks.activeFor(nodeId, now));
    const desiredByName = new Map<string, DesiredVif>();
    for (const vif of [...pass.desired.byRadio.values()].flat()) desiredByName.set(vif.ifName, vif);
    const owned = (rows: CachedRow[]) => rows.filter((r) => isControllerOwned(r.if_name));
    const configRows = owned(device.config);
    const stateRows = owned(device.state);
    // Judged on the replica's columns, as the network status is; shown whole.
    const monitored = monitoredWifiTables(connection.schema);
    const judge = (rows: CachedRow[], table: string) => rows.map((r) => projectRow(r, monitored[table]?.columns ?? []));
    const judgedConfig = judge(configRows, 'Wifi_VIF_Config');
    const judgedState = judge(stateRows, 'Wifi_VIF_State');
    const names = new Set<string>([...desiredByName.keys(), ...[...configRows, ...stateRows].map((r) => r.if_name as string)]);
    return [...names].sort().map((ifName): NodeVif => {
      const wanted = desiredByName.get(ifName);
      const config = configRows.find((r) => r.if_name === ifName);
      const state = stateRows.find((r) => r.if_name === ifName && config !== undefined && r.vif_config === config._uuid) ?? stateRows.find((r) => r.if_name === ifName);
      const result = networkNodeStatus({
        desiredVifs: wanted ? [wanted] : [],
        removedIfNames: wanted ? [] : [ifName],
        configRows: judgedConfig,
        stateRows: judgedState,
        connected: true,
        now,
        failAfterMs: Number.MAX_SAFE_INTEGER,
        compareOptions: { stateColumns: connection.caps.vifStateColumns },
      });
      const inSync = result.mismatches.length === 0;
      const device = vifRowPolicy(audience, inSync);
      const own = vifRowPolicy(audience, true);
      const mismatches: VifMismatch[] = result.mismatches.map((m) => jsonMismatch(visibleMismatch(m, device, own)));
      return {
        ifName,
        band: radioBandOf(wanted?.radioBand),
        desired: wanted ? visibleRow(wanted.row, own) : null,
        config: visibleRow(config, device),
        state: visibleRow(state, device),
        inSync,
        mismatches,
      };
    });
  }

  private async networksOfNode(nodeId: string): Promise<DesiredNetwork[]> {
    const placement = await this.desired.placementOf(nodeId);
    return placement?.locationId ? this.desired.networksOf(placement.locationId) : [];
  }
}

/** The device's values as the device rows show them; the desired value as the desired row does. */
function visibleMismatch(m: NodeStatusMismatch, device: VifRowPolicy, own: VifRowPolicy): NodeStatusMismatch {
  if (m.column === undefined) return m;
  const column = m.column;
  return {
    ...m,
    config: visibleValue(device, column, m.config) ?? null,
    state: visibleValue(device, column, m.state) ?? null,
    desired: visibleValue(own, column, m.desired) ?? null,
  } as NodeStatusMismatch;
}
