// The "modify" diff of monitor_cond's "update2" notation (ovsdb-server(7), extending
// RFC 7047 section 4.1.5): a column holding at most one atom carries its new value; for a
// set, the diff lists elements to toggle (present ones are removed, absent ones added);
// for a map, a key absent from the row is added, a key present with the same value is
// removed and a key present with another value takes the new value.

import { decodeDatum } from '../notation/datum-codec';
import { notationError } from '../notation/atom-codec';
import { AtomValue, Value } from '../notation/value';
import { ColumnType } from '../schema/column-type';

export function applyColumnDiff(type: ColumnType, current: Value, wireDiff: unknown, where: string): Value {
  const ctx = { where };
  if (type.isAtomic()) return decodeDatum(type, wireDiff, ctx);
  const diffType = new ColumnType(type.key, type.value, 0, 'unlimited');
  const diff = decodeDatum(diffType, wireDiff, ctx);
  let result: Value;
  if (type.isMap()) {
    const map = new Map(current instanceof Map ? current : []);
    for (const [key, value] of diff as Map<AtomValue, AtomValue>) {
      if (map.has(key) && map.get(key) === value) map.delete(key);
      else map.set(key, value);
    }
    result = map;
    checkSize(type, map.size, where);
  } else {
    const set = new Set(Array.isArray(current) ? current : []);
    for (const element of diff as AtomValue[]) {
      if (set.has(element)) set.delete(element);
      else set.add(element);
    }
    result = [...set];
    checkSize(type, set.size, where);
  }
  return result;
}

function checkSize(type: ColumnType, n: number, where: string): void {
  if (!type.allowsCount(n)) throw notationError({ where }, `diff leaves ${n} element(s), the column allows ${type.min} to ${type.max}`);
}
