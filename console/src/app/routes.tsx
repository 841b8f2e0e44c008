// The console's pages. A new page is one entry here: its path, title, who sees it in the
// navigation, and its component (keys/venues, API clients and consents, EBL providers go
// here the same way).

import type { ComponentType } from 'react';
import type { Role } from '../auth/session';
import { ApiClientsPage } from '../apiclients/ApiClientsPage';
import { EblProvidersPage } from '../ebl/EblProvidersPage';
import { AuditPage } from '../audit/AuditPage';
import { GroupsPage } from '../admin/GroupsPage';
import { UsersPage } from '../admin/UsersPage';
import { CustomerPage } from '../customers/CustomerPage';
import { ClientsPage } from '../locations/ClientsPage';
import { LocationPage } from '../locations/LocationPage';
import { NodePage } from '../locations/NodePage';
import { OperationPage } from '../operations/OperationPage';
import { OperationsPage } from '../operations/OperationsPage';
import { KeyPoolPage } from '../venues/KeyPoolPage';
import { VenuePage } from '../venues/VenuePage';
import { VenuesPage } from '../venues/VenuesPage';
import { HomePage } from './HomePage';
import type { Params } from './router';

export interface RouteDef {
  path: string;
  /** In the navigation bar when set. */
  nav?: string;
  /** Roles that see the page (all when absent); the API enforces the same. */
  roles?: readonly Role[];
  component: ComponentType<{ params: Params }>;
}

/** Everyone but venue managers, who see their venues only. */
const GROUP_ROLES: readonly Role[] = ['PLATFORM_ADMIN', 'GROUP_ADMIN', 'GROUP_SUPPORT'];

export const ROUTES: readonly RouteDef[] = [
  { path: '/', nav: 'Search', roles: GROUP_ROLES, component: HomePage },
  { path: '/', roles: ['VENUE_MANAGER'], component: VenuesPage },
  { path: '/customers/:id', roles: GROUP_ROLES, component: CustomerPage },
  { path: '/locations/:id', roles: GROUP_ROLES, component: LocationPage },
  { path: '/locations/:id/clients', roles: GROUP_ROLES, component: ClientsPage },
  { path: '/nodes/:id', roles: GROUP_ROLES, component: NodePage },
  { path: '/operations', nav: 'Operations', roles: GROUP_ROLES, component: OperationsPage },
  { path: '/operations/:id', roles: GROUP_ROLES, component: OperationPage },
  { path: '/venues', nav: 'Venues', component: VenuesPage },
  { path: '/venues/:id', component: VenuePage },
  { path: '/key-pools/:id', component: KeyPoolPage },
  { path: '/audit', nav: 'Audit log', roles: GROUP_ROLES, component: AuditPage },
  { path: '/admin/users', nav: 'Users', roles: ['PLATFORM_ADMIN', 'GROUP_ADMIN'], component: UsersPage },
  { path: '/admin/api-clients', nav: 'API clients', roles: ['PLATFORM_ADMIN', 'GROUP_ADMIN'], component: ApiClientsPage },
  { path: '/admin/ebl', nav: 'EBL', roles: ['PLATFORM_ADMIN', 'GROUP_ADMIN'], component: EblProvidersPage },
  { path: '/admin/groups', nav: 'Groups', roles: ['PLATFORM_ADMIN'], component: GroupsPage },
];
