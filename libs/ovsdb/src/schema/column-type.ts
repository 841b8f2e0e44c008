// RFC 7047 section 3.2, <type>: a column holds a set of `min`..`max` keys, or a map from
// keys to values when `value` is present. A bare <atomic-type> string is shorthand for
// {"key": <atomic-type>} with min = max = 1.

import { BaseType, parseBaseType } from './base-type';
import { checkMembers, invalid, isJsonObject } from './schema-json';

export type MaxCount = number | 'unlimited';

export class ColumnType {
  constructor(
    readonly key: BaseType,
    readonly value: BaseType | undefined,
    readonly min: number,
    readonly max: MaxCount,
  ) {}

  /** Exactly one atom. */
  isScalar(): boolean {
    return this.value === undefined && this.min === 1 && this.max === 1;
  }

  /** Zero or one atom: represented as the atom or `undefined`. */
  isOptional(): boolean {
    return this.value === undefined && this.min === 0 && this.max === 1;
  }

  /** Holds a single atom at most, whatever `min` says (scalar or optional). */
  isAtomic(): boolean {
    return this.value === undefined && this.max === 1;
  }

  /** A set that may hold more than one element: represented as an array. */
  isSet(): boolean {
    return this.value === undefined && this.max !== 1;
  }

  isMap(): boolean {
    return this.value !== undefined;
  }

  /** Whether `n` elements (or map pairs) are within min..max. */
  allowsCount(n: number): boolean {
    return n >= this.min && (this.max === 'unlimited' || n <= this.max);
  }

  static scalar(key: BaseType): ColumnType {
    return new ColumnType(key, undefined, 1, 1);
  }
}

const TYPE_MEMBERS = ['key', 'value', 'min', 'max'] as const;

export function parseColumnType(json: unknown, path: string): ColumnType {
  if (typeof json === 'string') return ColumnType.scalar(parseBaseType(json, path));
  if (!isJsonObject(json)) throw invalid(path, 'must be an atomic type name or a JSON object');
  checkMembers(json, TYPE_MEMBERS, path);
  if (json.key === undefined) throw invalid(`${path}.key`, 'is required');
  const key = parseBaseType(json.key, `${path}.key`);
  const value = json.value === undefined ? undefined : parseBaseType(json.value, `${path}.value`);
  const min = parseMin(json.min, `${path}.min`);
  const max = parseMax(json.max, `${path}.max`);
  if (max !== 'unlimited' && max < min) throw invalid(`${path}.max`, 'must not be less than min');
  return new ColumnType(key, value, min, max);
}

function parseMin(json: unknown, path: string): number {
  if (json === undefined) return 1;
  if (json !== 0 && json !== 1) throw invalid(path, 'must be 0 or 1');
  return json;
}

function parseMax(json: unknown, path: string): MaxCount {
  if (json === undefined) return 1;
  if (json === 'unlimited') return json;
  if (typeof json !== 'number' || !Number.isInteger(json) || json < 1) {
    throw invalid(path, 'must be a positive integer or "unlimited"');
  }
  return json;
}
