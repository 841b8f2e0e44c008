// Names of the device rows an isolated network needs (docs/decisions/network-isolation.md).
// Like the VIF names, they derive from the network's slot alone, so they survive a
// controller restart and a device reboot and mark the rows as the controller's: a Bridge,
// Port, Interface or Wifi_Inet_Config row named br-ctl<slot> and a Netfilter row named
// ctl-iso-* are ours; nothing else is ever updated or removed.

import { assertSlot, MAX_IF_NAME_LENGTH } from '../naming/vif-naming';

const BRIDGE_PATTERN = /^br-ctl([1-7])$/;
export const OWNED_NETFILTER_PREFIX = 'ctl-iso-';
/** Netfilter.name is at most 64 characters in the OpenSync schema. */
export const MAX_NETFILTER_NAME_LENGTH = 64;

/** br-ctl2 for slot 2: 7 characters, well within IFNAMSIZ. */
export function isolatedBridgeName(slot: number): string {
  assertSlot(slot);
  const name = `br-ctl${slot}`;
  if (name.length > MAX_IF_NAME_LENGTH) throw new Error(`bridge name ${name} too long`);
  return name;
}

/** The slot of a controller-owned bridge name, or null for any other name. */
export function parseIsolatedBridge(name: unknown): number | null {
  if (typeof name !== 'string') return null;
  const match = BRIDGE_PATTERN.exec(name);
  return match ? Number(match[1]) : null;
}

export function isOwnedNetfilter(name: unknown): boolean {
  return typeof name === 'string' && name.startsWith(OWNED_NETFILTER_PREFIX);
}

/** ctl-iso-br-ctl2-br-home-v4: traffic from `from` to `to` dropped, for one IP version. */
export function netfilterRuleName(from: string, to: string, family: 'ipv4' | 'ipv6'): string {
  return `${OWNED_NETFILTER_PREFIX}${from}-${to}-${family === 'ipv4' ? 'v4' : 'v6'}`;
}
