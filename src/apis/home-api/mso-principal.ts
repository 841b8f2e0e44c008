// The identity an MSO connection acts with: a group admin of the MSO's group only, so every
// domain service scopes its reads and writes exactly as for a GraphQL caller. Its user id is
// derived from the MSO name (stable across restarts), so the audit trail names the MSO.

import { createHash } from 'node:crypto';
import { Principal, Role } from '../../common/auth/principal';

export function msoPrincipal(msoName: string, groupId: string): Principal {
  const h = createHash('sha256').update(`home-api:${msoName}`).digest('hex');
  const userId = `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  return { userId, email: `home-api:${msoName.toLowerCase()}`, role: Role.GROUP_ADMIN, groupIds: [groupId] };
}

/** The address Node reports, without the IPv4-mapped IPv6 prefix. */
export function plainAddress(address: string | undefined): string {
  return (address ?? '').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
}
