// Per-key isolation on a key-pool network (docs/decisions/multi-psk.md, "Per-key
// isolation"): the clients of one personal key reach each other and the uplink, never the
// clients of another key of the same network. OpenSync's plumbing (operations.md section 6):
// Wifi_VIF_Config.wpa_oftags names a tag per key; on connect the device adds the client's MAC
// to Openflow_Tag.device_value of that tag (the row must exist: the cloud creates it); NFM
// expands ${tag} in Netfilter rules to one rule per MAC. Per key tag T on a node, two kinds
// of ebtables rows (protocol eth, table filter, chain FORWARD):
//   - ACCEPT  -s ${T} -d ${T}                    the key's own devices (priority 20);
//   - DROP    -s ${T} -d Unicast -o <vif>        to any other client on the network's VIFs
//                                                of this node, one per VIF (priority 21).
// Broadcast and multicast are left alone: every client of a BSS shares its group key, so
// they reach all of them whatever the bridge does, and ARP/DHCP need them.
//
// Pure: everything derives from the desired VIF rows (their wpa_oftags), so the plan, the
// operations and the status agree with what the VIF pass writes. Names derive from the
// network's slot and the key's slot, which marks the rows as the controller's.

import { DatabaseSchema, Operation, Row } from '@lib/ovsdb';
import { CachedRow, DesiredVif } from '../desired/desired-network';
import { planKeyedRows } from '../telemetry/config-rows';
import { valuesEqual } from '../values/value-equality';
import { assertSlot } from '../naming/vif-naming';

export const KEY_TAG_TABLE = 'Openflow_Tag';
export const KEY_NETFILTER_CHAIN = 'FORWARD';
export const KEY_OWN_PRIORITY = 20;
export const KEY_DROP_PRIORITY = 21;

const TAG_PATTERN = /^ctl-k([1-7])-([1-9][0-9]{0,9})$/;
const NETFILTER_PREFIX = 'ctl-key-';

/** The replica columns the plan and the status read: the tag's name only (device_value churns with every client). */
export const KEY_ISOLATION_REPLICA_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  Openflow_Tag: ['name', 'cloud_value'],
};

/** Openflow_Tag.cloud_value holds at most 255 values (the OpenSync schema's max). */
export const MAX_TAG_VALUES = 255;

/** ctl-k2-17: the tag of key-17 on the network of slot 2 (Openflow_Tag.name is 1..32). */
export function keyTagName(networkSlot: number, keySlot: number): string {
  assertSlot(networkSlot);
  if (!Number.isInteger(keySlot) || keySlot < 1) throw new Error(`key slot must be a positive integer, got ${keySlot}`);
  return `ctl-k${networkSlot}-${keySlot}`;
}

/** The network slot and key slot of a controller-owned tag name, or null. */
export function parseKeyTag(name: unknown): { networkSlot: number; keySlot: number } | null {
  if (typeof name !== 'string') return null;
  const match = TAG_PATTERN.exec(name);
  return match ? { networkSlot: Number(match[1]), keySlot: Number(match[2]) } : null;
}

export function isOwnedKeyNetfilter(name: unknown): boolean {
  return typeof name === 'string' && name.startsWith(NETFILTER_PREFIX);
}

/** The wpa_oftags map of a VIF carrying these wpa_psks names (key-N -> ctl-k<slot>-N). */
export function keyOftags(networkSlot: number, keyNames: Iterable<string>): Map<string, string> {
  const tags = new Map<string, string>();
  for (const name of keyNames) {
    const match = /^key-([1-9][0-9]*)$/.exec(name);
    if (match) tags.set(name, keyTagName(networkSlot, Number(match[1])));
  }
  return tags;
}

/** Whether a device with this schema can keep keys apart: tags on the VIF, the tag table and Netfilter. */
export function schemaSupportsKeyIsolation(schema: DatabaseSchema): boolean {
  const has = (table: string, columns: readonly string[]): boolean => {
    const t = schema.table(table);
    return t !== undefined && columns.every((c) => t.columns.has(c));
  };
  return (
    has('Wifi_VIF_Config', ['wpa_oftags']) &&
    has(KEY_TAG_TABLE, ['name', 'device_value']) &&
    has('Netfilter', ['name', 'enable', 'protocol', 'table', 'chain', 'priority', 'rule', 'target'])
  );
}

export interface DesiredKeyIsolatedNetwork {
  networkId: string;
  /**
   * Openflow_Tag rows by name: the name, and cloud_value = the key's clients on the other
   * nodes of the location (so that a frame from one of them, arriving over the backhaul,
   * matches the key's rules here too). device_value is the device's own and never managed.
   */
  tags: ReadonlyMap<string, Readonly<Row>>;
  /** Every managed column of each Netfilter row, by name. */
  netfilter: ReadonlyMap<string, Readonly<Row>>;
}

export interface DesiredKeyIsolation {
  networks: DesiredKeyIsolatedNetwork[];
}

/**
 * The tag and rule rows of one node, from the VIF rows the pass wants (those with
 * wpa_oftags); `peers`: tag name -> MACs the location's other nodes report with that key.
 */
export function desiredKeyIsolation(vifs: Iterable<DesiredVif>, peers: ReadonlyMap<string, readonly string[]> = new Map()): DesiredKeyIsolation {
  const byNetwork = new Map<string, { tags: Set<string>; ifNames: Set<string> }>();
  for (const vif of vifs) {
    const oftags = vif.row.wpa_oftags;
    if (!(oftags instanceof Map) || oftags.size === 0) continue;
    let entry = byNetwork.get(vif.networkId);
    if (entry === undefined) {
      entry = { tags: new Set(), ifNames: new Set() };
      byNetwork.set(vif.networkId, entry);
    }
    for (const tag of oftags.values()) if (typeof tag === 'string') entry.tags.add(tag);
    entry.ifNames.add(vif.ifName);
  }
  const networks = [...byNetwork]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([networkId, { tags, ifNames }]): DesiredKeyIsolatedNetwork => {
      const sortedTags = [...tags].sort(byTag);
      const sortedIfNames = [...ifNames].sort();
      return {
        networkId,
        tags: new Map(sortedTags.map((name) => [name, { name, cloud_value: peerValues(peers.get(name)) }])),
        netfilter: new Map(sortedTags.flatMap((tag) => netfilterRows(tag, sortedIfNames))),
      };
    });
  return { networks };
}

/** Sorted, each once, at most the schema's 255 (the lowest MACs: deterministic). */
function peerValues(macs: readonly string[] | undefined): string[] {
  return [...new Set(macs ?? [])].sort().slice(0, MAX_TAG_VALUES);
}

/**
 * The peers of a node's key tags from the clients of the location's other nodes: a client
 * on an owned VIF of slot s with key_id key-N belongs to tag ctl-k<s>-N.
 */
export function keyTagPeers(clients: Iterable<{ mac: string; slot: number | null; keyId: string | null }>): Map<string, string[]> {
  const peers = new Map<string, string[]>();
  for (const c of clients) {
    const n = c.keyId === null ? undefined : /^key-([1-9][0-9]*)$/.exec(c.keyId)?.[1];
    if (c.slot === null || n === undefined) continue;
    const tag = keyTagName(c.slot, Number(n));
    peers.set(tag, [...(peers.get(tag) ?? []), c.mac]);
  }
  return peers;
}

function netfilterRows(tag: string, ifNames: readonly string[]): Array<[string, Row]> {
  const row = (name: string, rule: string, target: string, priority: number): [string, Row] => [
    name,
    { name, enable: true, protocol: 'eth', table: 'filter', chain: KEY_NETFILTER_CHAIN, priority, rule, target },
  ];
  const base = `${NETFILTER_PREFIX}${tag.slice('ctl-k'.length)}`;
  return [
    row(`${base}-own`, `-s \${${tag}} -d \${${tag}}`, 'ACCEPT', KEY_OWN_PRIORITY),
    ...ifNames.map((ifName) => row(`${base}-${ifName}`, `-s \${${tag}} -d Unicast -o ${ifName}`, 'DROP', KEY_DROP_PRIORITY)),
  ];
}

function byTag(a: string, b: string): number {
  const pa = parseKeyTag(a);
  const pb = parseKeyTag(b);
  if (pa === null || pb === null) return a.localeCompare(b);
  return pa.networkSlot - pb.networkSlot || pa.keySlot - pb.keySlot;
}

export interface DeviceKeyIsolationView {
  tags: readonly CachedRow[];
  netfilters: readonly CachedRow[];
}

/**
 * The operations that bring the node's owned tags and key rules to the plan: insert the
 * missing, update the changed, delete owned rows no longer wanted. Nothing for a device
 * whose schema cannot carry them (its pool VIFs are skipped instead).
 */
export function planKeyIsolationOperations(desired: DesiredKeyIsolation, device: DeviceKeyIsolationView, schema: DatabaseSchema): Operation[] {
  if (!schemaSupportsKeyIsolation(schema)) return [];
  return [
    ...planKeyedRows(
      {
        table: KEY_TAG_TABLE,
        desired: new Map(desired.networks.flatMap((n) => [...n.tags])),
        rows: device.tags.filter((r) => parseKeyTag(r.name) !== null),
        keyOf: (row) => String(row.name),
      },
      schema,
    ),
    ...planKeyedRows(
      {
        table: 'Netfilter',
        desired: new Map(desired.networks.flatMap((n) => [...n.netfilter])),
        rows: device.netfilters.filter((r) => isOwnedKeyNetfilter(r.name)),
        keyOf: (row) => String(row.name),
      },
      schema,
    ),
  ];
}

export type KeyIsolationMismatchReason = 'CONFIG_MISSING' | 'CONFIG_DIFFERS' | 'STATE_DIFFERS' | 'NOT_REMOVED';

export interface KeyIsolationMismatch {
  /** The tag or Netfilter row concerned. */
  ifName: string;
  reason: KeyIsolationMismatchReason;
  column?: string;
}

/**
 * Convergence of one network's key isolation on one node: every tag row exists, every rule
 * holds the plan with a status other than "error"; and no owned tag or rule of the network's
 * slot is left that the plan does not want (a key gone, isolation turned off).
 */
export function keyIsolationMismatches(networkSlot: number, wanted: DesiredKeyIsolatedNetwork | undefined, device: DeviceKeyIsolationView): KeyIsolationMismatch[] {
  const out: KeyIsolationMismatch[] = [];
  for (const name of wanted?.tags.keys() ?? []) {
    if (!device.tags.some((r) => r.name === name)) out.push({ ifName: name, reason: 'CONFIG_MISSING', column: KEY_TAG_TABLE });
  }
  for (const [name, want] of wanted?.netfilter ?? []) {
    const row = device.netfilters.find((r) => r.name === name);
    if (row === undefined) {
      out.push({ ifName: name, reason: 'CONFIG_MISSING', column: 'Netfilter' });
      continue;
    }
    const differs = Object.entries(want).filter(([column, value]) => !valuesEqual(value, row[column]));
    out.push(...differs.map(([column]): KeyIsolationMismatch => ({ ifName: name, reason: 'CONFIG_DIFFERS', column })));
    if (differs.length === 0 && row.status === 'error') out.push({ ifName: name, reason: 'STATE_DIFFERS', column: 'status' });
  }
  for (const row of device.tags) {
    if (parseKeyTag(row.name)?.networkSlot === networkSlot && !wanted?.tags.has(String(row.name))) {
      out.push({ ifName: String(row.name), reason: 'NOT_REMOVED', column: KEY_TAG_TABLE });
    }
  }
  const prefix = `${NETFILTER_PREFIX}${networkSlot}-`;
  for (const row of device.netfilters) {
    if (typeof row.name === 'string' && row.name.startsWith(prefix) && !wanted?.netfilter.has(row.name)) {
      out.push({ ifName: row.name, reason: 'NOT_REMOVED', column: 'Netfilter' });
    }
  }
  return out;
}
