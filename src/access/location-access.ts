// Loading a location for a change, shared by the services that hang things off a location
// (networks, nodes, the location itself): scope first, then the customer's lifecycle.

import { EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { Principal } from '../common/auth/principal';
import { refuseChangeOf } from '../customers/customer-rules';
import { Customer } from '../customers/customer.entity';
import { Location } from '../locations/location.entity';
import { checkUuid } from '../validation/field-checks';
import { assertReadable, assertWritable } from './group-scope';

export interface WritableLocation {
  location: Location;
  customer: Customer;
}

/** Refuses a malformed id before any query (VALIDATION_FAILED naming `field`). */
export function requireUuid(field: string, id: string): void {
  const errors = checkUuid(field, id);
  if (errors.length > 0) throw AppError.validation(errors);
}

export async function readableLocation(manager: EntityManager, principal: Principal, id: string, field = 'id'): Promise<Location> {
  requireUuid(field, id);
  return assertReadable(principal, await manager.findOneBy(Location, { id }), 'location', id);
}

/** NOT_FOUND / FORBIDDEN by scope, PRECONDITION_FAILED when the customer is terminated. */
export async function writableLocation(manager: EntityManager, principal: Principal, id: string, field = 'id'): Promise<WritableLocation> {
  requireUuid(field, id);
  const location = assertWritable(principal, await manager.findOneBy(Location, { id }), 'location', id);
  const customer = await manager.findOneByOrFail(Customer, { id: location.customerId });
  const refused = refuseChangeOf(customer.status);
  if (refused !== undefined) throw AppError.precondition(refused);
  return { location, customer };
}
