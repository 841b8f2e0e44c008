// The @Home API 2.0 provisioning gateway (docs/home-api.md): a TCP face over the same
// domain services as GraphQL, for MSO provisioning systems that cannot change.

import { Module } from '@nestjs/common';
import { CustomersModule } from '../../customers/customers.module';
import { LocationsModule } from '../../locations/locations.module';
import { NodesModule } from '../../nodes/nodes.module';
import { HomeApiDispatcher } from './home-api-dispatcher';
import { HomeApiListenerService } from './home-api-listener.service';
import { ModemTransactions } from './modem-transactions';
import { MsoDirectory } from './mso-directory';
import { SiteTransactions } from './site-transactions';
import { SubscriberTransactions } from './subscriber-transactions';

@Module({
  imports: [CustomersModule, LocationsModule, NodesModule],
  providers: [MsoDirectory, SubscriberTransactions, SiteTransactions, ModemTransactions, HomeApiDispatcher, HomeApiListenerService],
  exports: [HomeApiListenerService],
})
export class HomeApiModule {}
