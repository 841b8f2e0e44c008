// Groups, users, login. Provides the PrincipalLoader the global auth guard uses.

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { PRINCIPAL_LOADER } from '../common/auth/principal-loader';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { Group } from './group.entity';
import { GroupsResolver } from './groups.resolver';
import { GroupsService } from './groups.service';
import { User } from './user.entity';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([Group, User]), AuditModule],
  providers: [
    AuthService,
    { provide: PRINCIPAL_LOADER, useExisting: AuthService },
    GroupsService,
    UsersService,
    AuthResolver,
    GroupsResolver,
    UsersResolver,
    AdminBootstrapService,
  ],
  exports: [PRINCIPAL_LOADER, TypeOrmModule],
})
export class IdentityModule {}
