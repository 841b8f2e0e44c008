// Read access to the audit trail of the caller's groups.

import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../common/auth/permission';
import { Principal } from '../common/auth/principal';
import { Connection } from '../common/pagination/connection.type';
import { AuditEvent } from './audit-event.entity';
import { AuditService } from './audit.service';
import { AuditEventConnection } from './dto/audit-event-connection.type';
import { AuditEventsArgs } from './dto/audit-events.args';

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventConnection, { description: 'Audit events of your groups, newest first.' })
  @RequirePermission(Permission.TENANT_READ)
  auditEvents(@CurrentPrincipal() principal: Principal, @Args() args: AuditEventsArgs): Promise<Connection<AuditEvent>> {
    return this.audit.list(principal, args);
  }
}
