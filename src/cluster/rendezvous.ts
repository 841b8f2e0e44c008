// Rendezvous (highest random weight) hashing: a device belongs to the live instance whose
// hash of (instance, serial) is highest. When an instance goes, only its devices move (each
// to its own next-highest instance); when one joins, it takes about 1/N of the devices and
// no device moves between two instances that stayed.

import { createHash } from 'node:crypto';

export function rendezvousWeight(instanceId: string, serial: string): bigint {
  return createHash('sha256').update(instanceId).update('\0').update(serial).digest().readBigUInt64BE(0);
}

/** The instance that should hold the device, or undefined when no instance is live. */
export function rendezvousOwner(serial: string, instanceIds: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestWeight = -1n;
  for (const id of instanceIds) {
    const weight = rendezvousWeight(id, serial);
    // Ties (never seen with 64 bits, but deterministic anyway) go to the smaller id.
    if (weight > bestWeight || (weight === bestWeight && best !== undefined && id < best)) {
      best = id;
      bestWeight = weight;
    }
  }
  return best;
}
