// A page of audit events.

import { ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../common/pagination/connection.type';
import { AuditEvent } from '../audit-event.entity';

@ObjectType({ description: 'A page of audit events, newest first.' })
export class AuditEventConnection extends Paginated(AuditEvent) {}
