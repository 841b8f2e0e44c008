// Whose resources an API principal reaches: the customer who consented (or to whom the
// client is bound), or, for a group's own client with client credentials, every customer
// of that group. The service owner of the CPE Management API is a customer.

import { ApiPrincipal } from '../../oauth/api-principal';

export interface OwnerScope {
  groupId: string;
  /** Undefined: every customer of the group. */
  customerId?: string;
}

export function ownerScopeOf(principal: ApiPrincipal): OwnerScope {
  return principal.subject.kind === 'customer' ? { groupId: principal.groupId, customerId: principal.subject.customerId } : { groupId: principal.groupId };
}
