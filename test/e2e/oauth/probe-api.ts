// A REST route that exists only in tests: it echoes the verified ApiPrincipal, so the
// OAuth specs can check what BearerTokenGuard lets through and what it refuses.

import { Controller, Get, Module, UseGuards } from '@nestjs/common';
import { ApiPrincipal } from '../../../src/oauth/api-principal';
import { BearerTokenGuard } from '../../../src/oauth/bearer/bearer-token.guard';
import { CurrentApiPrincipal, RequireScopes } from '../../../src/oauth/bearer/require-scopes.decorator';
import { CPE_SCOPES, OAuthScopes } from '../../../src/oauth/oauth-scopes';

export const PROBE_SCOPE = 'oauth-probe';
OAuthScopes.register({ name: PROBE_SCOPE, description: 'Call the test probe', sensitive: false });

export interface ProbeAnswer {
  clientId: string;
  apiClientId: string;
  groupId: string;
  scopes: string[];
  subject: ApiPrincipal['subject'];
}

function answer(principal: ApiPrincipal): ProbeAnswer {
  return { ...principal, scopes: [...principal.scopes].sort() };
}

@Controller('oauth-probe')
export class ProbeController {
  @Get('sites')
  @RequireScopes(CPE_SCOPES.SITES_READ)
  sites(@CurrentApiPrincipal() principal: ApiPrincipal): ProbeAnswer {
    return answer(principal);
  }

  @Get('registered')
  @UseGuards(BearerTokenGuard)
  @RequireScopes(PROBE_SCOPE)
  registered(@CurrentApiPrincipal() principal: ApiPrincipal): ProbeAnswer {
    return answer(principal);
  }

  @Get('any')
  @RequireScopes()
  any(@CurrentApiPrincipal() principal: ApiPrincipal): ProbeAnswer {
    return answer(principal);
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}
