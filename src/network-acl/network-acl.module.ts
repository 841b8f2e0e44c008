// MAC access lists of WiFi networks (allow or deny): stored here, carried to the devices by
// the reconciler through a source registered with it.

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ReconcilerModule } from '../reconciler/reconciler.module';
import { NetworkMacList } from './network-mac-list.entity';
import { NetworkMacListsResolver } from './network-mac-lists.resolver';
import { NetworkMacListsService } from './network-mac-lists.service';

@Module({
  imports: [TypeOrmModule.forFeature([NetworkMacList]), AuditModule, ReconcilerModule],
  providers: [NetworkMacListsService, NetworkMacListsResolver],
})
export class NetworkAclModule {}
