// The application: infrastructure (config, database, GraphQL, auth) and one module per domain.

import { Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { CpeManagementModule } from './apis/cpe-management/cpe-management.module';
import { HomeApiModule } from './apis/home-api/home-api.module';
import { AuditModule } from './audit/audit.module';
import { ClientsModule } from './clients/clients.module';
import { ClusterModule } from './cluster/cluster.module';
import { ConsoleModule } from './console/console.module';
import { AuthGuard } from './common/auth/auth.guard';
import { AuthModule } from './common/auth/auth.module';
import { GraphqlExceptionFilter } from './common/errors/graphql-exception.filter';
import { validationExceptionFactory } from './common/errors/validation-exception.factory';
import { GraphqlDriver } from './common/graphql/graphql.driver';
import { GraphqlConfig, graphqlOptions } from './common/graphql/graphql-options';
import { ConfigModule } from './config/config.module';
import { CustomersModule } from './customers/customers.module';
import { EblModule } from './ebl/ebl.module';
import { DatabaseModule } from './database/database.module';
import { IdentityModule } from './identity/identity.module';
import { OperationsModule } from './operations/operations.module';
import { ReconcilerModule } from './reconciler/reconciler.module';
import { SouthboundModule } from './southbound/southbound.module';
import { TelemetryModule } from './telemetry/telemetry.module';
import { VenuesModule } from './venues/venues.module';
import { NetworkAclModule } from './network-acl/network-acl.module';
import { EventLoopWatch } from './common/logging/event-loop-watch';
import { ExplorerModule } from './explorer/explorer.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { OAuthModule } from './oauth/oauth.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    AuthModule,
    GraphQLModule.forRoot<GraphqlConfig>({ driver: GraphqlDriver, ...graphqlOptions() }),
    AuditModule,
    IdentityModule,
    CustomersModule,
    SouthboundModule,
    ReconcilerModule,
    ClusterModule,
    ExplorerModule,
    ConsoleModule,
    HomeApiModule,
    OperationsModule,
    HealthModule,
    MetricsModule,
    ClientsModule,
    TelemetryModule,
    EblModule,
    OAuthModule,
    CpeManagementModule,
    VenuesModule,
    NetworkAclModule,
  ],
  providers: [
    EventLoopWatch,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
    {
      provide: APP_PIPE,
      useValue: new ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        transform: true,
        exceptionFactory: validationExceptionFactory,
      }),
    },
  ],
})
export class AppModule {}
