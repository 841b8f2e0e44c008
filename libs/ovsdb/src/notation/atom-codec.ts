// RFC 7047 section 5.1, <atom>: one integer, real, boolean, string, <uuid> or <named-uuid>,
// checked against the constraints of its <base-type> (section 3.2): enum, integer and real
// ranges, string lengths (counted in Unicode characters, as ovsdb-server does).

import { OvsdbError } from '../errors';
import { Atom, BaseType } from '../schema/base-type';
import { isUuid } from './uuid';
import { AtomValue, NamedUuid } from './value';

export interface NotationContext {
  /** Names the place in messages, e.g. "Wifi_VIF_Config.ssid". */
  readonly where: string;
  /** Accept ["named-uuid", name]: only inside a transaction (decoding on a server). */
  readonly allowNamedUuid?: boolean;
}

export function notationError(ctx: NotationContext, message: string): OvsdbError {
  return new OvsdbError('NOTATION_INVALID', `${ctx.where}: ${message}`, { where: ctx.where });
}

export function decodeAtom(base: BaseType, wire: unknown, ctx: NotationContext): AtomValue {
  let atom: AtomValue;
  switch (base.type) {
    case 'integer':
      if (typeof wire !== 'number' || !Number.isInteger(wire)) throw notationError(ctx, `expected an integer, got ${show(wire)}`);
      atom = wire;
      break;
    case 'real':
      if (typeof wire !== 'number' || !Number.isFinite(wire)) throw notationError(ctx, `expected a real, got ${show(wire)}`);
      atom = wire;
      break;
    case 'boolean':
      if (typeof wire !== 'boolean') throw notationError(ctx, `expected a boolean, got ${show(wire)}`);
      atom = wire;
      break;
    case 'string':
      if (typeof wire !== 'string') throw notationError(ctx, `expected a string, got ${show(wire)}`);
      atom = wire;
      break;
    case 'uuid':
      atom = decodeUuid(wire, ctx);
      break;
  }
  if (!(atom instanceof NamedUuid)) checkConstraints(base, atom, ctx);
  return atom;
}

function decodeUuid(wire: unknown, ctx: NotationContext): AtomValue {
  if (Array.isArray(wire) && wire.length === 2) {
    if (wire[0] === 'uuid' && isUuid(wire[1])) return wire[1].toLowerCase();
    if (wire[0] === 'named-uuid' && ctx.allowNamedUuid && typeof wire[1] === 'string') return new NamedUuid(wire[1]);
  }
  throw notationError(ctx, `expected ["uuid", <uuid>], got ${show(wire)}`);
}

export function encodeAtom(base: BaseType, value: unknown, ctx: NotationContext): unknown {
  if (value instanceof NamedUuid) {
    if (base.type !== 'uuid') throw notationError(ctx, `a named-uuid is not a ${base.type}`);
    return ['named-uuid', value.name];
  }
  switch (base.type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw notationError(ctx, `expected an integer, got ${show(value)}`);
      break;
    case 'real':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw notationError(ctx, `expected a finite number, got ${show(value)}`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') throw notationError(ctx, `expected a boolean, got ${show(value)}`);
      break;
    case 'string':
      if (typeof value !== 'string') throw notationError(ctx, `expected a string, got ${show(value)}`);
      break;
    case 'uuid':
      if (!isUuid(value)) throw notationError(ctx, `expected a UUID string or NamedUuid, got ${show(value)}`);
      checkConstraints(base, value.toLowerCase(), ctx);
      return ['uuid', value.toLowerCase()];
  }
  checkConstraints(base, value, ctx);
  return value;
}

export function checkConstraints(base: BaseType, atom: Atom, ctx: NotationContext): void {
  if (base.enum && !base.enum.has(atom)) {
    throw notationError(ctx, `${show(atom)} is not one of ${[...base.enum].map(show).join(', ')}`);
  }
  if (typeof atom === 'number') {
    const min = base.type === 'integer' ? base.minInteger : base.minReal;
    const max = base.type === 'integer' ? base.maxInteger : base.maxReal;
    if (min !== undefined && atom < min) throw notationError(ctx, `${atom} is less than the minimum ${min}`);
    if (max !== undefined && atom > max) throw notationError(ctx, `${atom} is greater than the maximum ${max}`);
  } else if (typeof atom === 'string' && base.type === 'string' && (base.minLength !== undefined || base.maxLength !== undefined)) {
    const length = [...atom].length;
    if (base.minLength !== undefined && length < base.minLength) {
      throw notationError(ctx, `string of length ${length} is shorter than ${base.minLength}`);
    }
    if (base.maxLength !== undefined && length > base.maxLength) {
      throw notationError(ctx, `string of length ${length} is longer than ${base.maxLength}`);
    }
  }
}

export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value instanceof Map) return 'a Map';
  if (value instanceof NamedUuid) return value.toString();
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
