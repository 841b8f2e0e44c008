// The rules of a network's MAC access list, pure: every entry a MAC (any case, ":" or "-"),
// stored canonical (lower case, ":"), sorted, each once; 1 to 512 of them. An empty allow list
// would shut every client out, an empty deny list is no list: both are refused (clear the
// list instead).

import { canonicalMac, MacAcl } from '@lib/opensync';
import { FieldError } from '../common/errors/app-error';
import { MacListMode, NetworkMacList } from './network-mac-list.entity';

export const MAX_MACS_PER_LIST = 512;

export function checkMacList(macs: readonly string[]): { macs: string[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const canonical = new Set<string>();
  macs.forEach((mac, i) => {
    const c = canonicalMac(mac);
    if (c === undefined) errors.push({ field: `macs[${i}]`, message: 'must be a MAC address (aa:bb:cc:dd:ee:ff)' });
    else canonical.add(c);
  });
  if (macs.length === 0) errors.push({ field: 'macs', message: 'must name at least one MAC; clear the list instead' });
  if (canonical.size > MAX_MACS_PER_LIST) errors.push({ field: 'macs', message: `must have at most ${MAX_MACS_PER_LIST} MACs` });
  return { macs: [...canonical].sort(), errors };
}

/** The list as the device rules want it. */
export function macAclOf(list: Pick<NetworkMacList, 'mode' | 'macs'>): MacAcl {
  return { mode: list.mode === MacListMode.ALLOW ? 'ALLOW' : 'DENY', macs: list.macs };
}
