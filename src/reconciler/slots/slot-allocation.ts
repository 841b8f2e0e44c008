// Which slot a network gets at its location: PRIMARY always 1 (its VIFs keep the same
// names for the location's whole life), every other network the lowest free of 2..7.

import { MAX_SLOT } from '@lib/opensync';

export const PRIMARY_SLOT = 1;

export interface SlotRequest {
  networkId: string;
  kind: string;
}

/**
 * Slots for the networks that have none yet, given the slots already taken at the
 * location. Networks that do not fit (more than seven) get no slot and are left out.
 */
export function allocateSlots(requests: readonly SlotRequest[], taken: ReadonlySet<number>): Map<string, number> {
  const used = new Set(taken);
  const out = new Map<string, number>();
  const ordered = [...requests].sort((a, b) => Number(b.kind === 'PRIMARY') - Number(a.kind === 'PRIMARY'));
  for (const request of ordered) {
    const slot = request.kind === 'PRIMARY' && !used.has(PRIMARY_SLOT) ? PRIMARY_SLOT : lowestFree(used);
    if (slot === undefined) continue;
    used.add(slot);
    out.set(request.networkId, slot);
  }
  return out;
}

function lowestFree(used: ReadonlySet<number>): number | undefined {
  for (let slot = PRIMARY_SLOT + 1; slot <= MAX_SLOT; slot++) if (!used.has(slot)) return slot;
  return undefined;
}
