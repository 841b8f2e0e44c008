// Groups, users, login. Provides, app-wide, the PrincipalLoader and the Authenticator that
// the global auth guard and long-lived subscriptions use.

import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { Authenticator } from '../common/auth/authenticator';
import { PRINCIPAL_LOADER } from '../common/auth/principal-loader';
import { AccountResolver } from './account.resolver';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { Group } from './group.entity';
import { GroupChangesService } from './group-changes.service';
import { GroupsResolver } from './groups.resolver';
import { GroupsService } from './groups.service';
import { UserAdminService } from './user-admin.service';
import { User } from './user.entity';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Group, User]), AuditModule],
  providers: [
    AuthService,
    { provide: PRINCIPAL_LOADER, useExisting: AuthService },
    Authenticator,
    GroupsService,
    UsersService,
    AuthResolver,
    GroupsResolver,
    UsersResolver,
    AdminBootstrapService,
    UserAdminService,
    GroupChangesService,
    AccountResolver,
  ],
  exports: [PRINCIPAL_LOADER, Authenticator, TypeOrmModule],
})
export class IdentityModule {}
