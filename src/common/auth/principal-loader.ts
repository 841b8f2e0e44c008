// The guard needs "who is user X now" without depending on the identity module (common
// code must not import a domain); identity provides the implementation under this token.

import { Principal } from './principal';

export interface PrincipalLoader {
  /** The current principal for a user id, or undefined when the user no longer exists. */
  load(userId: string): Promise<Principal | undefined>;
}

export const PRINCIPAL_LOADER = Symbol('PRINCIPAL_LOADER');
