// Serial assignments: which unclaimed serials each group may see (finding 9).

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { SerialAssignment } from './serial-assignment.entity';
import { SerialAssignmentsResolver } from './serial-assignments.resolver';
import { SerialAssignmentsService } from './serial-assignments.service';

@Module({
  imports: [TypeOrmModule.forFeature([SerialAssignment]), AuditModule],
  providers: [SerialAssignmentsService, SerialAssignmentsResolver],
  exports: [SerialAssignmentsService],
})
export class SerialAssignmentsModule {}
