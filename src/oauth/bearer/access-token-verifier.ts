// Access token -> ApiPrincipal. The token is a JWT the authorization server signed (ES256,
// typ at+jwt, our issuer and audience). Then the current state wins over what the token
// says: a deleted client, a revoked grant (the customer withdrew consent), or a scope no
// longer grantable (approval withdrawn) take effect at once, not when the token expires.

import { Injectable } from '@nestjs/common';
import { createLocalJWKSet, JWTPayload, jwtVerify } from 'jose';
import { DataSource, MoreThan, IsNull } from 'typeorm';
import { ApiPrincipal } from '../api-principal';
import { grantableScopes } from '../clients/client-metadata';
import { OAuthRecord } from '../oidc/oauth-record.entity';
import { OAuthServer } from '../oidc/oauth-server';
import { ACCESS_TOKEN_ALG } from '../oidc/signing-keys';
import { OAuthScopes } from '../oauth-scopes';
import { ApiError } from './api-error';

type KeySet = ReturnType<typeof createLocalJWKSet>;

interface AccessTokenClaims extends JWTPayload {
  client_id?: string;
  scope?: string;
  grant?: string;
}

@Injectable()
export class AccessTokenVerifier {
  private keySet?: { keys: KeySet; issuer: string; audience: string };

  constructor(
    private readonly server: OAuthServer,
    private readonly dataSource: DataSource,
  ) {}

  async verify(token: string): Promise<ApiPrincipal> {
    const claims = await this.claimsOf(token);
    const clientId = claims.client_id;
    if (typeof clientId !== 'string' || typeof claims.sub !== 'string') throw ApiError.unauthenticated('access token without client or subject', 'invalid_token');
    const client = await this.server.findClient(clientId);
    if (client === null) throw ApiError.unauthenticated('the API client no longer exists', 'invalid_token');
    const granted = new Set((claims.scope ?? '').split(' ').filter((s) => s !== ''));
    const scopes = OAuthScopes.expand(grantableScopes(client).filter((s) => granted.has(s)));
    let subject: ApiPrincipal['subject'];
    if (typeof claims.grant === 'string') {
      if (!(await this.grantExists(claims.grant))) throw ApiError.unauthenticated('the authorization was revoked', 'invalid_token');
      subject = { kind: 'customer', customerId: claims.sub };
    } else {
      subject = client.customerId !== null ? { kind: 'customer', customerId: client.customerId } : { kind: 'client' };
    }
    return { clientId, apiClientId: client.id, groupId: client.groupId, scopes, subject };
  }

  private async claimsOf(token: string): Promise<AccessTokenClaims> {
    const { keys, issuer, audience } = await this.keys();
    try {
      const { payload } = await jwtVerify<AccessTokenClaims>(token, keys, { issuer, audience, algorithms: [ACCESS_TOKEN_ALG], typ: 'at+jwt' });
      return payload;
    } catch {
      throw ApiError.unauthenticated('the access token is invalid or expired', 'invalid_token');
    }
  }

  private async keys(): Promise<{ keys: KeySet; issuer: string; audience: string }> {
    if (this.keySet === undefined) {
      const built = await this.server.server();
      this.keySet = { keys: createLocalJWKSet({ keys: built.verificationKeys }), issuer: built.issuer, audience: built.audience };
    }
    return this.keySet;
  }

  private grantExists(grantId: string): Promise<boolean> {
    const repository = this.dataSource.getRepository(OAuthRecord);
    return repository.exists({
      where: [
        { model: 'Grant', id: grantId, expiresAt: IsNull() },
        { model: 'Grant', id: grantId, expiresAt: MoreThan(new Date()) },
      ],
    });
  }
}
