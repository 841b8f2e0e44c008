// Convergence of one network's isolation on one node, read from the device: the bridge must
// exist (Bridge, kept alive by Open_vSwitch), its Wifi_Inet_Config must hold the plan and
// Wifi_Inet_State must report the address applied, and every Netfilter row must be there
// with the plan's columns and a status other than "error". A network that must not be
// isolated (removed, disabled, no longer isolated) must have none of its slot's rows left.

import { Row, Value } from '@lib/ovsdb';
import { CachedRow } from '../desired/desired-network';
import { valuesEqual } from '../values/value-equality';
import { DesiredIsolatedNetwork } from './desired-isolation';
import { isolatedBridgeName, OWNED_NETFILTER_PREFIX } from './isolation-naming';
import { DeviceIsolationView } from './plan-isolation';

export type IsolationMismatchReason = 'BRIDGE_MISSING' | 'CONFIG_MISSING' | 'CONFIG_DIFFERS' | 'STATE_DIFFERS' | 'NOT_REMOVED';

export interface IsolationMismatch {
  /** The row concerned: the bridge name, or the Netfilter row's name. */
  ifName: string;
  reason: IsolationMismatchReason;
  column?: string;
  config?: Value;
  state?: Value;
  desired?: Value;
}

/** Columns of Wifi_Inet_State that must read back what the config asked for. */
const INET_STATE_COLUMNS = ['enabled', 'inet_addr', 'netmask'] as const;

export interface IsolationStatusInput {
  /** The network's plan on this node; undefined when it must have no isolation rows. */
  wanted?: DesiredIsolatedNetwork;
  slot: number;
  device: DeviceIsolationView;
  /** Whether the device has Wifi_Inet_State (then the address must be reported applied). */
  inetState: boolean;
}

export function isolationMismatches(input: IsolationStatusInput): IsolationMismatch[] {
  return input.wanted === undefined ? leftovers(isolatedBridgeName(input.slot), input.device) : present(input.wanted, input);
}

function present(wanted: DesiredIsolatedNetwork, input: IsolationStatusInput): IsolationMismatch[] {
  const { device } = input;
  const bridge = wanted.bridge;
  const out: IsolationMismatch[] = [];
  if (!device.bridges.some((b) => b.name === bridge)) out.push({ ifName: bridge, reason: 'BRIDGE_MISSING' });
  const config = device.inetConfigs.find((r) => r.if_name === bridge);
  if (config === undefined) out.push({ ifName: bridge, reason: 'CONFIG_MISSING', column: 'Wifi_Inet_Config' });
  else out.push(...differences(bridge, wanted.inetConfig, config));
  if (config !== undefined && input.inetState) {
    const state = device.inetStates.find((r) => r.if_name === bridge);
    for (const column of INET_STATE_COLUMNS) {
      if (state === undefined || !valuesEqual(state[column], config[column])) {
        out.push({ ifName: bridge, reason: 'STATE_DIFFERS', column, config: config[column], state: state?.[column] });
      }
    }
  }
  for (const [name, want] of wanted.netfilter) {
    const row = device.netfilters.find((r) => r.name === name);
    if (row === undefined) {
      out.push({ ifName: name, reason: 'CONFIG_MISSING', column: 'Netfilter' });
      continue;
    }
    const differs = differences(name, want, row);
    out.push(...differs);
    if (differs.length === 0 && row.status === 'error') out.push({ ifName: name, reason: 'STATE_DIFFERS', column: 'status', state: 'error' });
  }
  return out;
}

function differences(ifName: string, want: Readonly<Row>, have: CachedRow): IsolationMismatch[] {
  return Object.entries(want)
    .filter(([column, value]) => !valuesEqual(value, have[column]))
    .map(([column, value]) => ({ ifName, reason: 'CONFIG_DIFFERS', column, config: have[column], desired: value }));
}

function leftovers(bridge: string, device: DeviceIsolationView): IsolationMismatch[] {
  const out: IsolationMismatch[] = [];
  if (device.bridges.some((b) => b.name === bridge)) out.push({ ifName: bridge, reason: 'NOT_REMOVED', column: 'Bridge' });
  if (device.inetConfigs.some((r) => r.if_name === bridge)) out.push({ ifName: bridge, reason: 'NOT_REMOVED', column: 'Wifi_Inet_Config' });
  const prefix = `${OWNED_NETFILTER_PREFIX}${bridge}-`;
  for (const row of device.netfilters) {
    if (typeof row.name === 'string' && row.name.startsWith(prefix)) out.push({ ifName: row.name, reason: 'NOT_REMOVED', column: 'Netfilter' });
  }
  return out;
}
