// Equipment-based localisation (/ebl): service providers register MAC addresses and DHCP
// vendor ids; when a matching client shows up at a location they may be told about, they
// are notified (signed, durable, retried). Operators set providers up in GraphQL.
// docs/ebl.md, docs/decisions/ebl.md.

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import './ebl-scope';
import { registerRouteErrorFilter } from '../common/errors/route-error-filters';
import { AuditModule } from '../audit/audit.module';
import { ClientsModule } from '../clients/clients.module';
import { EblDeliveryWorker } from './delivery/ebl-delivery-worker.service';
import { EblOutboxService } from './delivery/ebl-outbox.service';
import { EBL_CONFIG, loadEblConfig } from './ebl-config';
import { EblMetrics } from './ebl-metrics';
import { EblProvidersResolver } from './graphql/ebl-providers.resolver';
import { EblCallerResolver } from './http/ebl-caller';
import { EblCallerGuard } from './http/ebl-caller.guard';
import { EblController } from './http/ebl.controller';
import { EblExceptionFilter } from './http/ebl-exception.filter';
import { OAuthEblCallerResolver } from './http/oauth-caller-resolver';
import { EblMatchingService } from './matching/ebl-matching.service';
import { EblProvidersService } from './providers/ebl-providers.service';
import { EblRegistrationsService } from './registrations/ebl-registrations.service';
import { EblDeliveryAttemptRow, EblDeliveryRow } from './store/ebl-delivery.entities';
import { EblProviderRow } from './store/ebl-provider.entity';
import { EblMacRow, EblVendorIdRow } from './store/ebl-registration.entities';

// Bodies refused before a route runs (no JSON) answer in the /ebl error shape too.
registerRouteErrorFilter('/ebl', new EblExceptionFilter());

@Module({
  imports: [TypeOrmModule.forFeature([EblProviderRow, EblMacRow, EblVendorIdRow, EblDeliveryRow, EblDeliveryAttemptRow]), ClientsModule, AuditModule],
  controllers: [EblController],
  providers: [
    { provide: EBL_CONFIG, useFactory: () => loadEblConfig(process.env) },
    { provide: EblCallerResolver, useClass: OAuthEblCallerResolver },
    EblProvidersService,
    EblOutboxService,
    EblDeliveryWorker,
    EblMatchingService,
    EblRegistrationsService,
    EblCallerGuard,
    EblProvidersResolver,
    EblMetrics,
  ],
  exports: [EblMatchingService, EblDeliveryWorker],
})
export class EblModule {}
