// The MAC access list of a controller-owned VIF (Wifi_VIF_Config.mac_list and mac_list_type)
// as a pure function of two sources that compose: a network-level list (an allow or deny
// list of the network, kept in the model) and temporary client blocks of the node (a client
// kick: operations.md section 4, "ACL kick"). OpenSync's ow_acl_kick deauthenticates every
// associated station the ACL disallows and keeps refusing it while the entry stays; removing
// the entry lets the client back in.
//
// - no list, no block: both columns empty (no ACL);
// - a deny list and blocks: blacklist of their union;
// - an allow list: whitelist of the list without the blocked MACs (a whitelist network
//   kicks by leaving the MAC out);
// - blocks alone: blacklist of the blocked MACs.

/** A network-level access list (not yet offered by the API; the rules already compose with it). */
export interface MacAcl {
  mode: 'ALLOW' | 'DENY';
  macs: readonly string[];
}

/** A temporary block of one client on one node, until an instant. */
export interface ClientBlock {
  mac: string;
  until: Date;
}

export const MAC_LIST_TYPES = ['whitelist', 'blacklist', 'none'] as const;
export type MacListType = (typeof MAC_LIST_TYPES)[number];

/** The two ACL columns of a desired VIF row; empty values mean "must be empty on the device". */
export interface VifAclColumns {
  mac_list: string[];
  mac_list_type: MacListType | undefined;
}

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

/** aa:bb:cc:dd:ee:ff from any case and "-" separators; undefined when it is not a MAC. */
export function canonicalMac(mac: string): string | undefined {
  const canonical = mac.trim().toLowerCase().replace(/-/g, ':');
  return MAC.test(canonical) ? canonical : undefined;
}

/** Blocks still in force at `now` (a block ends at its instant, exclusive). */
export function activeBlocks(blocks: readonly ClientBlock[], now: Date): ClientBlock[] {
  return blocks.filter((b) => b.until.getTime() > now.getTime());
}

/** When the earliest block in force ends (a pass is due then); undefined when none is. */
export function nextBlockExpiry(blocks: readonly ClientBlock[], now: Date): Date | undefined {
  let next: Date | undefined;
  for (const b of activeBlocks(blocks, now)) if (next === undefined || b.until.getTime() < next.getTime()) next = b.until;
  return next;
}

export function vifAclColumns(acl: MacAcl | null | undefined, blocks: readonly ClientBlock[], now: Date): VifAclColumns {
  const blocked = macSet(activeBlocks(blocks, now).map((b) => b.mac));
  const listed = macSet(acl?.macs ?? []);
  if (acl?.mode === 'ALLOW') return { mac_list: sorted([...listed].filter((m) => !blocked.has(m))), mac_list_type: 'whitelist' };
  const denied = sorted([...listed, ...blocked]);
  return denied.length === 0 ? { mac_list: [], mac_list_type: undefined } : { mac_list: denied, mac_list_type: 'blacklist' };
}

function macSet(macs: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const m of macs) {
    const c = canonicalMac(m);
    if (c !== undefined) out.add(c);
  }
  return out;
}

function sorted(macs: Iterable<string>): string[] {
  return [...new Set(macs)].sort();
}
