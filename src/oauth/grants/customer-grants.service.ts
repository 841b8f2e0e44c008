// A customer's consents (oidc-provider Grants): listed with the client and its scopes, and
// revoked with everything issued under them (codes, refresh tokens). The access tokens of a
// revoked grant are refused at once (AccessTokenVerifier checks the grant on each request).

import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { TransactionRunner } from '../../database/transaction-runner';
import { ApiClient } from '../clients/api-client.entity';
import { OAuthRecord } from '../oidc/oauth-record.entity';

export interface CustomerGrant {
  grantId: string;
  clientName: string;
  clientId: string;
  scopes: string[];
  grantedAt: Date;
}

@Injectable()
export class CustomerGrantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
  ) {}

  async list(customerId: string): Promise<CustomerGrant[]> {
    const grants = await this.dataSource.getRepository(OAuthRecord).findBy({ model: 'Grant', accountId: customerId });
    const live = grants.filter((g) => g.expiresAt === null || g.expiresAt.getTime() > Date.now());
    const clientIds = [...new Set(live.map((g) => g.clientId).filter((id): id is string => id !== null))];
    const clients = clientIds.length === 0 ? [] : await this.dataSource.getRepository(ApiClient).findBy({ clientId: In(clientIds) });
    const byClientId = new Map(clients.map((c) => [c.clientId, c]));
    return live
      .filter((g) => g.clientId !== null && byClientId.has(g.clientId))
      .map((g) => ({
        grantId: g.id,
        clientId: g.clientId!,
        clientName: byClientId.get(g.clientId!)!.name,
        scopes: grantScopes(g.payload),
        grantedAt: new Date(Number(g.payload.iat ?? 0) * 1000),
      }))
      .sort((a, b) => a.clientName.localeCompare(b.clientName));
  }

  /** Revokes one of the customer's grants; false when it is not theirs (or gone). */
  async revoke(customerId: string, grantId: string): Promise<boolean> {
    return this.tx.run(async (manager) => {
      const grant = await manager.findOneBy(OAuthRecord, { model: 'Grant', id: grantId, accountId: customerId });
      if (grant === null) return false;
      await manager.delete(OAuthRecord, { grantId });
      await manager.delete(OAuthRecord, { model: 'Grant', id: grantId });
      return true;
    });
  }
}

function grantScopes(payload: Record<string, unknown>): string[] {
  const resources = payload.resources;
  if (typeof resources !== 'object' || resources === null) return [];
  const scopes = new Set<string>();
  for (const value of Object.values(resources as Record<string, unknown>)) {
    if (typeof value === 'string') for (const scope of value.split(' ')) if (scope !== '') scopes.add(scope);
  }
  return [...scopes].sort();
}
