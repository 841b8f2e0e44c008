// From the model and the device's radios to the Wifi_VIF_Config rows the controller wants,
// per radio. Pure: the reconciler calls it on every pass and diffs the result against the
// device cache, so the same input must always give the same rows in the same order.

import { Row } from '@lib/ovsdb';
import { ClientBlock, vifAclColumns } from '../acl/vif-acl';
import { isRadioBand, networkBandOf, RADIO_BANDS, RadioBand } from '../naming/radio-band';
import { vifIfName, vifRadioIdx } from '../naming/vif-naming';
import { DEFAULT_HOME_BRIDGE, DesiredNetwork, DesiredVif, RadioView, SkippedVif } from './desired-network';
import { DeviceCapabilities } from './device-capabilities';
import { isIsolated, isNetworkActive } from './network-activity';
import { securityColumns } from './security-columns';
import { planKeys } from '../keys/personal-keys';
import { keyOftags } from '../keys/key-isolation';
import type { DesiredIsolation } from '../isolation/desired-isolation';

export interface DesiredVifOptions {
  /** The LAN bridge AP VIFs join; OpenSync residential images call it br-home. */
  homeBridge?: string;
  /** The bridge for a network with a VLAN; defaults to the home bridge (the VIF is tagged). */
  vlanBridge?: (vlanId: number) => string;
  /** Temporary client blocks of this node (client kicks): blacklisted on every VIF of the node until they end. */
  blocks?: readonly ClientBlock[];
  /**
   * The node's isolation plan (desiredIsolation). An isolated network goes on its own bridge
   * with ap_bridge=false; one the plan blocks, or any isolated network when no plan is given,
   * gets no VIF at all (skipped with the reason), never one on the home bridge.
   */
  isolation?: DesiredIsolation;
  /**
   * Whether the device can keep personal keys apart (schemaSupportsKeyIsolation). Without it
   * a key pool network with key isolation gets no VIF (ISOLATION_UNSUPPORTED), never one
   * where keys share the LAN.
   */
  keyIsolation?: boolean;
}

export interface DesiredVifsResult {
  /** Radio _uuid -> the rows wanted on it, ordered by slot. Every radio has an entry. */
  byRadio: Map<string, DesiredVif[]>;
  skipped: SkippedVif[];
}

export function desiredVifs(
  networks: readonly DesiredNetwork[],
  radios: readonly RadioView[],
  caps: DeviceCapabilities,
  now: Date,
  options: DesiredVifOptions = {},
): DesiredVifsResult {
  const byRadio = new Map<string, DesiredVif[]>(radios.map((r) => [r._uuid, []]));
  const skipped: SkippedVif[] = [];
  const { usable, duplicates } = usableRadios(radios);
  const active = [...networks].filter((n) => isNetworkActive(n, now)).sort(bySlotThenId);
  const claimedSlots = new Set<number>();

  for (const network of active) {
    const conflict = claimedSlots.has(network.slot);
    claimedSlots.add(network.slot);
    const isolated = isIsolated(network);
    const ownBridge = isolated ? options.isolation?.networks.find((i) => i.networkId === network.id)?.bridge : undefined;
    const isolationBlocked = isolated && ownBridge === undefined ? (options.isolation?.blocked.get(network.id) ?? 'ISOLATION_UNSUPPORTED') : undefined;
    for (const radio of [...usable, ...duplicates]) {
      const band = radio.freq_band as RadioBand;
      if (!network.bands.includes(networkBandOf(band))) continue;
      const skip = (reason: SkippedVif['reason']): void => {
        skipped.push({ networkId: network.id, radioUuid: radio._uuid, radioBand: band, reason });
      };
      if (conflict) {
        skip('SLOT_CONFLICT');
        continue;
      }
      if (duplicates.includes(radio)) {
        skip('DUPLICATE_RADIO_BAND');
        continue;
      }
      if (isolationBlocked !== undefined) {
        skip(isolationBlocked);
        continue;
      }
      const keyed = network.personalKeys == null ? undefined : planKeys(network.personalKeys, now).psks;
      if (keyed?.size === 0) {
        skip('NO_KEYS_IN_FORCE');
        continue;
      }
      // Personal keys need the wpa_psks dialect: the legacy security map holds one passphrase.
      if (keyed !== undefined && caps.securityStyle !== 'wpa') {
        skip('SECURITY_UNSUPPORTED');
        continue;
      }
      const keysApart = keyed !== undefined && network.keyIsolation === true;
      if (keysApart && options.keyIsolation !== true) {
        skip('ISOLATION_UNSUPPORTED');
        continue;
      }
      const first = keyed?.values().next().value;
      const security = securityColumns(network.securityMode, first ?? network.passphrase, band, caps.securityStyle);
      if (security.ok && keyed !== undefined && network.securityMode !== 'OPEN') {
        security.columns.wpa_psks = keyed;
        // A pool network always manages its tags, so turning isolation off clears them.
        security.columns.wpa_oftags = keysApart ? keyOftags(network.slot, keyed.keys()) : new Map<string, string>();
      }
      if (!security.ok) {
        skip(security.reason);
        continue;
      }
      const ifName = vifIfName(network.slot, band);
      const acl = vifAclColumns(network.macAcl, options.blocks ?? [], now);
      const row = restrictToSchema({ ...baseColumns(network, ifName, options, ownBridge), ...security.columns, ...acl }, caps);
      byRadio.get(radio._uuid)?.push({ networkId: network.id, radioUuid: radio._uuid, radioBand: band, ifName, row });
    }
  }
  return { byRadio, skipped };
}

function baseColumns(network: DesiredNetwork, ifName: string, options: DesiredVifOptions, ownBridge: string | undefined): Row {
  const home = options.homeBridge ?? DEFAULT_HOME_BRIDGE;
  const vlanId = network.vlanId ?? undefined;
  const shared = vlanId === undefined ? home : (options.vlanBridge?.(vlanId) ?? home);
  const bridge = ownBridge ?? shared;
  return {
    if_name: ifName,
    enabled: true,
    mode: 'ap',
    ssid: network.ssid,
    ssid_broadcast: network.hidden ? 'disabled' : 'enabled',
    bridge,
    vlan_id: vlanId,
    // An isolated network's clients never reach each other either (hostapd ap_isolate). With
    // keys kept apart, client-to-client frames must cross the bridge, where the key rules are.
    ap_bridge: ownBridge === undefined && !network.clientIsolation && !(network.keyIsolation === true && network.personalKeys != null),
    vif_radio_idx: vifRadioIdx(network.slot),
  };
}

/** Only columns the device's schema has; writing another would fail the transaction. */
function restrictToSchema(row: Row, caps: DeviceCapabilities): Row {
  return Object.fromEntries(Object.entries(row).filter(([column]) => caps.vifConfigColumns.has(column)));
}

/**
 * Radios with a known band, first one per band in band order; later radios of the same band
 * would need the same if_name, so they are reported instead of silently sharing it.
 */
function usableRadios(radios: readonly RadioView[]): { usable: RadioView[]; duplicates: RadioView[] } {
  const known = radios.filter((r) => isRadioBand(r.freq_band));
  const ordered = [...known].sort(
    (a, b) =>
      RADIO_BANDS.indexOf(a.freq_band as RadioBand) - RADIO_BANDS.indexOf(b.freq_band as RadioBand) ||
      (a.if_name ?? '').localeCompare(b.if_name ?? '') ||
      a._uuid.localeCompare(b._uuid),
  );
  const seen = new Set<string>();
  const usable: RadioView[] = [];
  const duplicates: RadioView[] = [];
  for (const radio of ordered) {
    (seen.has(radio.freq_band) ? duplicates : usable).push(radio);
    seen.add(radio.freq_band);
  }
  return { usable, duplicates };
}

function bySlotThenId(a: DesiredNetwork, b: DesiredNetwork): number {
  return a.slot - b.slot || a.id.localeCompare(b.id);
}
