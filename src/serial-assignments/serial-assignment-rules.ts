// Pure rules of serial assignments: what a valid serial or prefix is, the LIKE pattern of a
// prefix, and how rows stored before values were canonical are brought to that form.

import { FieldError } from '../common/errors/app-error';
import { checkSerial } from '../nodes/node-rules';
import { normaliseSerial } from '../validation/serial';

/** Shorter prefixes would hand a group most of the world's serials by mistake. */
export const MIN_PREFIX_LENGTH = 4;

export function checkAssignedValues(serials: readonly string[], prefixes: readonly string[]): FieldError[] {
  const errors = serials.flatMap((serial, i) => checkSerial(`serials[${i}]`, serial));
  prefixes.forEach((prefix, i) => {
    errors.push(...checkSerial(`prefixes[${i}]`, prefix));
    if (prefix.length < MIN_PREFIX_LENGTH) errors.push({ field: `prefixes[${i}]`, message: `must be at least ${MIN_PREFIX_LENGTH} characters long` });
  });
  if (serials.length + prefixes.length === 0) errors.push({ field: 'serials', message: 'give at least one serial or prefix' });
  return errors;
}

/** A LIKE pattern matching the prefix literally (serials may hold `_`, a LIKE wildcard). */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface AssignmentRow {
  id: string;
  kind: string;
  value: string;
  /** Creation time in ms; the oldest row wins among non-canonical twins. */
  createdAt: number;
}

export interface AssignmentNormalisationPlan {
  deletes: string[];
  updates: Array<{ id: string; value: string }>;
}

/**
 * What the migration does to rows written before values were stored canonical: rows of one
 * kind whose values normalise alike are one assignment. The row already canonical is kept,
 * else the oldest (updated to the canonical value); the others are deleted. A value that is
 * no serial at all is left as it is (it matches nothing; a platform admin removes it).
 */
export function planAssignmentNormalisation(rows: readonly AssignmentRow[]): AssignmentNormalisationPlan {
  const plan: AssignmentNormalisationPlan = { deletes: [], updates: [] };
  const groups = new Map<string, { canonical: string; rows: AssignmentRow[] }>();
  for (const row of rows) {
    const canonical = normaliseSerial(row.value);
    if (canonical === undefined) continue;
    const key = `${row.kind} ${canonical}`;
    const group = groups.get(key) ?? { canonical, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  for (const { canonical, rows: twins } of groups.values()) {
    const keep = twins.find((r) => r.value === canonical) ?? twins.reduce((a, b) => (b.createdAt < a.createdAt ? b : a));
    for (const row of twins) if (row !== keep) plan.deletes.push(row.id);
    if (keep.value !== canonical) plan.updates.push({ id: keep.id, value: canonical });
  }
  return plan;
}
