// RFC 7047 section 3.2 / 5.1: the default value of a column (0, 0.0, false, "", the all-zero
// uuid, or the empty set/map when min is 0). Monitor updates in "update2" notation omit
// columns that hold their default in inserted rows, so the cache fills them in.

import { AtomicType } from '../schema/base-type';
import { ColumnType } from '../schema/column-type';
import { Atom, Value } from '../notation/value';

export const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

export function defaultAtom(type: AtomicType): Atom {
  switch (type) {
    case 'integer':
    case 'real':
      return 0;
    case 'boolean':
      return false;
    case 'string':
      return '';
    case 'uuid':
      return ZERO_UUID;
  }
}

export function defaultValue(type: ColumnType): Value {
  if (type.isMap()) return type.min === 0 ? new Map() : new Map([[defaultAtom(type.key.type), defaultAtom(type.value?.type ?? 'string')]]);
  if (type.isAtomic()) return type.min === 0 ? undefined : defaultAtom(type.key.type);
  return type.min === 0 ? [] : [defaultAtom(type.key.type)];
}
