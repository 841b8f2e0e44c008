// The @Home API 2.0 provisioning gateway (docs/home-api.md): a TCP face over the same
// domain services as GraphQL, for MSO provisioning systems that cannot change.

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../audit/audit.module';
import { CustomersModule } from '../../customers/customers.module';
import { LocationsModule } from '../../locations/locations.module';
import { NodesModule } from '../../nodes/nodes.module';
import { ComputerTransactions } from './computer-transactions';
import { HomeComputer } from './computers/home-computer.entity';
import { HomeComputers } from './computers/home-computers.service';
import { LocationComputersResolver } from './computers/location-computers.resolver';
import { HomeApiDispatcher } from './home-api-dispatcher';
import { HomeApiListenerService } from './home-api-listener.service';
import { HomeKey } from './keys/home-key.entity';
import { HomeKeys } from './keys/home-keys.service';
import { LoginTransactions } from './login-transactions';
import { HomeLogin } from './logins/home-login.entity';
import { HomeLogins } from './logins/home-logins.service';
import { ModemTransactions } from './modem-transactions';
import { MsoDirectory } from './mso-directory';
import { SiteTransactions } from './site-transactions';
import { SubscriberTransactions } from './subscriber-transactions';
import { HeadEnd } from './topology/head-end.entity';
import { OeNode } from './topology/oe-node.entity';
import { PendingModem } from './modems/pending-modem.entity';
import { PendingModems } from './modems/pending-modems.service';
import { TopologyResolver } from './topology/topology.resolver';
import { TopologyService } from './topology/topology.service';

@Module({
  imports: [TypeOrmModule.forFeature([HeadEnd, OeNode, PendingModem, HomeLogin, HomeKey, HomeComputer]), AuditModule, CustomersModule, LocationsModule, NodesModule],
  providers: [PendingModems, HomeComputers, ComputerTransactions, LocationComputersResolver, HomeLogins, HomeKeys, LoginTransactions, TopologyService, TopologyResolver, MsoDirectory, SubscriberTransactions, SiteTransactions, ModemTransactions, HomeApiDispatcher, HomeApiListenerService],
  exports: [HomeApiListenerService],
})
export class HomeApiModule {}
