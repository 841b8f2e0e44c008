// Clients: who is on the WiFi of each location, live from the devices' client tables
// (Wifi_Associated_Clients, DHCP_leased_IP), their sessions, and nicknames written back to
// the devices (Client_Nickname_Config) through the reconcile pass.

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { DomainEventsModule } from '../domain-events/domain-events.module';
import { ReconcilerModule } from '../reconciler/reconciler.module';
import { CLIENTS_CONFIG, loadClientsConfig } from './clients-config';
import { ClientsResolver, LocationClientsResolver } from './graphql/clients.resolver';
import { ClientsService } from './live/clients.service';
import { NicknamesService } from './live/nicknames.service';
import { ClientSession } from './store/client-session.entity';
import { ClientStore } from './store/client-store.service';
import { ClientRecord } from './store/client.entity';
import { ClientsQueryService } from './store/clients-query.service';
import { SessionRetentionService } from './store/session-retention.service';

@Module({
  imports: [TypeOrmModule.forFeature([ClientRecord, ClientSession]), ReconcilerModule, AuditModule, DomainEventsModule],
  providers: [
    { provide: CLIENTS_CONFIG, useFactory: () => loadClientsConfig(process.env) },
    ClientStore,
    ClientsService,
    NicknamesService,
    ClientsQueryService,
    SessionRetentionService,
    ClientsResolver,
    LocationClientsResolver,
  ],
  exports: [ClientsService, ClientsQueryService],
})
export class ClientsModule {}
