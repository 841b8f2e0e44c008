import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { Node } from './node.entity';
import { NodesResolver } from './nodes.resolver';
import { NodesService } from './nodes.service';

@Module({
  imports: [TypeOrmModule.forFeature([Node]), AuditModule],
  providers: [NodesService, NodesResolver],
  exports: [NodesService],
})
export class NodesModule {}
