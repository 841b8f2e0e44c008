import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { Node } from './node.entity';
import { NodeLookupsResolver } from './node-lookups.resolver';
import { NodeLookupsService } from './node-lookups.service';
import { NodesResolver } from './nodes.resolver';
import { NodesService } from './nodes.service';

@Module({
  imports: [TypeOrmModule.forFeature([Node]), AuditModule],
  providers: [NodesService, NodesResolver, NodeLookupsService, NodeLookupsResolver],
  exports: [NodesService],
})
export class NodesModule {}
