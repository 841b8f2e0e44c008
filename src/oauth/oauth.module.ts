// OAuth 2.0 for the REST APIs: the authorization server (oidc-provider under /oauth), the
// API client registry (GraphQL), and BearerTokenGuard / @RequireScopes for REST routes of
// any module (global, so a controller elsewhere can use the guard). docs/oauth.md.

import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AccessTokenVerifier } from './bearer/access-token-verifier';
import { BearerTokenGuard } from './bearer/bearer-token.guard';
import { ApiClient } from './clients/api-client.entity';
import { ApiClientsResolver } from './clients/api-clients.resolver';
import { ApiClientsService } from './clients/api-clients.service';
import { AccountRoutes } from './consent/account-routes';
import { InteractionRoutes } from './consent/interaction-routes';
import { Customer } from '../customers/customer.entity';
import { CustomerCredentialsResolver } from './customers/customer-credentials.resolver';
import { CustomerCredentialsService } from './customers/customer-credentials.service';
import { CustomerPasswordLink } from './customers/password-link.entity';
import { CustomerGrantsResolver } from './grants/customer-grants.resolver';
import { CustomerGrantsService } from './grants/customer-grants.service';
import { OAuthRecord, OAuthSigningKey } from './oidc/oauth-record.entity';
import { OAuthServer } from './oidc/oauth-server';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ApiClient, OAuthRecord, OAuthSigningKey, Customer, CustomerPasswordLink]), AuditModule],
  providers: [
    OAuthServer,
    AccessTokenVerifier,
    BearerTokenGuard,
    ApiClientsService,
    ApiClientsResolver,
    CustomerCredentialsService,
    CustomerCredentialsResolver,
    CustomerGrantsService,
    CustomerGrantsResolver,
    InteractionRoutes,
    AccountRoutes,
  ],
  exports: [OAuthServer, AccessTokenVerifier, BearerTokenGuard, ApiClientsService, CustomerGrantsService, CustomerCredentialsService],
})
export class OAuthModule {}
