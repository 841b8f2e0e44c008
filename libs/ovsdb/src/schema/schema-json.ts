// RFC 7047 section 3.2: helpers shared by the schema parsers. The RFC grammar is strict
// (unknown members are errors, as in ovsdb-server), and every error names the JSON path
// of the offending member so a bad schema from a device can be diagnosed from the log.

import { OvsdbError } from '../errors';

export type JsonObject = Record<string, unknown>;

const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function invalid(path: string, message: string): OvsdbError {
  return new OvsdbError('SCHEMA_INVALID', `schema ${path}: ${message}`, { path });
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function expectObject(value: unknown, path: string): JsonObject {
  if (!isJsonObject(value)) throw invalid(path, 'must be a JSON object');
  return value;
}

/** Rejects members the grammar does not allow at this place. */
export function checkMembers(obj: JsonObject, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) throw invalid(`${path}.${key}`, 'is not allowed here');
  }
}

export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}

export function optionalBoolean(obj: JsonObject, key: string, path: string): boolean | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw invalid(`${path}.${key}`, 'must be a boolean');
  return value;
}

export function optionalInteger(obj: JsonObject, key: string, path: string, min?: number): number | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalid(`${path}.${key}`, 'must be an integer');
  if (min !== undefined && value < min) throw invalid(`${path}.${key}`, `must be at least ${min}`);
  return value;
}

export function optionalNumber(obj: JsonObject, key: string, path: string): number | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(`${path}.${key}`, 'must be a number');
  return value;
}

export function optionalString(obj: JsonObject, key: string, path: string): string | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(`${path}.${key}`, 'must be a string');
  return value;
}
