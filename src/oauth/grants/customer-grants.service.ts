// A customer's consents (oidc-provider Grants): listed with the client and its scopes, and
// revoked with everything issued under them (codes, refresh tokens). The access tokens of a
// revoked grant are refused at once (AccessTokenVerifier checks the grant on each request).

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { canReadGroup, canWriteGroup, Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { Customer } from '../../customers/customer.entity';
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
    private readonly audit: AuditService,
  ) {}

  /** The customer, when the operator may see it; NOT_FOUND otherwise (another group's alike). */
  private async customerFor(principal: Principal, customerId: string): Promise<Customer> {
    const customer = await this.dataSource.getRepository(Customer).findOne({ select: { id: true, groupId: true }, where: { id: customerId } });
    if (customer === null || !canReadGroup(principal, customer.groupId)) throw AppError.notFound('Customer', customerId);
    return customer;
  }

  /** An operator's view of a customer's grants (GraphQL customerApiGrants). */
  async listFor(principal: Principal, customerId: string): Promise<CustomerGrant[]> {
    await this.customerFor(principal, customerId);
    return this.list(customerId);
  }

  /** An operator revokes one of a customer's grants, audited; NOT_FOUND when it is not theirs (or gone). */
  async revokeFor(principal: Principal, customerId: string, grantId: string): Promise<boolean> {
    const customer = await this.customerFor(principal, customerId);
    if (!canWriteGroup(principal, customer.groupId)) throw AppError.forbidden();
    return this.tx.run(async (manager) => {
      const grant = await this.revokeIn(manager, customerId, grantId);
      if (grant === null) throw AppError.notFound('Grant', grantId);
      await this.audit.record(principal, manager, {
        action: 'customer.api-grant.revoke',
        objectType: 'customer',
        objectId: customerId,
        groupId: customer.groupId,
        before: { grantId, clientId: grant.clientId, scopes: grantScopes(grant.payload) },
      });
      return true;
    });
  }

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
    return this.tx.run(async (manager) => (await this.revokeIn(manager, customerId, grantId)) !== null);
  }

  /** Deletes the grant and what was issued under it; the grant, or null when it is not the customer's. */
  private async revokeIn(manager: EntityManager, customerId: string, grantId: string): Promise<OAuthRecord | null> {
    const grant = await manager.findOneBy(OAuthRecord, { model: 'Grant', id: grantId, accountId: customerId });
    if (grant === null) return null;
    await manager.delete(OAuthRecord, { grantId });
    await manager.delete(OAuthRecord, { model: 'Grant', id: grantId });
    return grant;
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
