// The provisioning domain's entry: customers, with the modules they drive.

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { DomainEventsModule } from '../domain-events/domain-events.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { LocationsModule } from '../locations/locations.module';
import { NodesModule } from '../nodes/nodes.module';
import { WifiNetworksModule } from '../wifi-networks/wifi-networks.module';
import { Customer } from './customer.entity';
import { CustomersResolver } from './customers.resolver';
import { CustomersService } from './customers.service';

@Module({
  imports: [TypeOrmModule.forFeature([Customer]), DomainEventsModule, AuditModule, IdempotencyModule, LocationsModule, NodesModule, WifiNetworksModule],
  providers: [CustomersService, CustomersResolver],
  exports: [CustomersService],
})
export class CustomersModule {}
