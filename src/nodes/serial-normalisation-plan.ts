// What the serial-normalisation migration does to existing node rows, decided purely.
// Rows whose serials normalise to the same canonical form are one device. The row that
// keeps the device is a claimed one (a claim is the tenant's data; a row the southbound
// created is only a connection record), else the one already canonical, else the most
// recently seen. The other unclaimed rows are deleted; another claimed row is left as it is
// (a tenant must unclaim it: deleting or merging two claims would lose a decision). Rows
// whose serial is no serial at all (control characters, spaces: recorded before the rule
// held at the device port) are deleted when unclaimed.

import { normaliseSerial } from '../validation/serial';

export interface NodeSerialRow {
  id: string;
  serial: string;
  claimed: boolean;
  /** Last seen or created, in ms; breaks ties between unclaimed rows. */
  seenAt: number;
}

export interface SerialNormalisationPlan {
  deletes: string[];
  updates: Array<{ id: string; serial: string }>;
  /** Claimed rows left with a serial that is not canonical, with the canonical form. */
  conflicts: Array<{ id: string; serial: string; canonical: string }>;
}

function better(a: NodeSerialRow, b: NodeSerialRow, canonical: string): NodeSerialRow {
  if (a.claimed !== b.claimed) return a.claimed ? a : b;
  if ((a.serial === canonical) !== (b.serial === canonical)) return a.serial === canonical ? a : b;
  return b.seenAt > a.seenAt ? b : a;
}

export function planSerialNormalisation(rows: readonly NodeSerialRow[]): SerialNormalisationPlan {
  const plan: SerialNormalisationPlan = { deletes: [], updates: [], conflicts: [] };
  const groups = new Map<string, NodeSerialRow[]>();
  for (const row of rows) {
    const canonical = normaliseSerial(row.serial);
    if (canonical === undefined) {
      if (!row.claimed) plan.deletes.push(row.id);
      continue;
    }
    const group = groups.get(canonical);
    if (group) group.push(row);
    else groups.set(canonical, [row]);
  }
  for (const [canonical, group] of groups) {
    const keeper = group.reduce((a, b) => better(a, b, canonical));
    for (const row of group) {
      if (row === keeper) continue;
      if (!row.claimed) plan.deletes.push(row.id);
      else plan.conflicts.push({ id: row.id, serial: row.serial, canonical });
    }
    if (keeper.serial !== canonical) plan.updates.push({ id: keeper.id, serial: canonical });
  }
  return plan;
}
