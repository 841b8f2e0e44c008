// A page of audit events.

import { ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../common/pagination/connection.type';
import { AuditEvent } from '../audit-event.entity';

@ObjectType()
export class AuditEventConnection extends Paginated(AuditEvent) {}
