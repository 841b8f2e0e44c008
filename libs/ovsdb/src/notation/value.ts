// RFC 7047 section 5.1: the JS representation of OVSDB values, fixed for the whole project
// (docs/architecture.md): atoms are numbers, booleans and strings (a uuid is its 36-char
// string); an atomic column (max 1) is the atom or undefined; other sets are arrays; maps
// are Map. A row inserted in the same transaction is referred to by a NamedUuid.

import { OvsdbError } from '../errors';
import { Atom } from '../schema/base-type';
import { isNamedUuidName } from './uuid';

export class NamedUuid {
  constructor(readonly name: string) {
    if (!isNamedUuidName(name)) {
      throw new OvsdbError('NOTATION_INVALID', `named-uuid "${name}" is not an <id>`, { name });
    }
  }

  toString(): string {
    return `named-uuid:${this.name}`;
  }
}

/** An atom as it may appear in a transaction: a named uuid stands for a uuid atom. */
export type AtomValue = Atom | NamedUuid;

export type Value = AtomValue | undefined | AtomValue[] | Map<AtomValue, AtomValue>;

/** A row: column name to value; rows from the server carry `_uuid` and `_version`. */
export type Row = Record<string, Value>;

export type { Atom };
