// Roles as a GraphQL enum (the enum itself is the common auth contract).

import { registerEnumType } from '@nestjs/graphql';
import { Role } from '../common/auth/principal';

registerEnumType(Role, {
  name: 'Role',
  description: 'PLATFORM_ADMIN: everything. GROUP_ADMIN: read and write inside own groups. GROUP_SUPPORT: read and support tools inside own groups. VENUE_MANAGER: units, residents and keys of the venues assigned to them, nothing else. RESIDENT: a customer on their own keys and devices (REST, OAuth); never a user\'s role.',
});

export { Role };
