// The API client registry: group admins register clients for their groups, platform admins
// for any group and approve sensitive scopes. Secrets are shown once and stored hashed.
// Every change is audited; another group's client is reported like a missing one.

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { canReadGroup, canWriteGroup, isPlatformAdmin, Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { Customer } from '../../customers/customer.entity';
import { Group } from '../../identity/group.entity';
import { OAuthRecord } from '../oidc/oauth-record.entity';
import { checkClientRegistration, sensitiveScopesOf } from './api-client-rules';
import { ApiClient } from './api-client.entity';
import { hashClientSecret, newClientId, newClientSecret } from './client-secret';
import { RegisterApiClientInput, RegisteredApiClient } from './dto/register-api-client.input';

@Injectable()
export class ApiClientsService {
  constructor(
    @InjectRepository(ApiClient) private readonly clients: Repository<ApiClient>,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async register(principal: Principal, input: RegisterApiClientInput): Promise<RegisteredApiClient> {
    if (!canWriteGroup(principal, input.groupId)) throw AppError.forbidden(`not allowed to register clients for group ${input.groupId}`);
    const scopes = [...new Set(input.scopes)];
    const redirectUris = [...new Set(input.redirectUris)];
    const errors = checkClientRegistration({ ...input, scopes, redirectUris });
    if (errors.length > 0) throw AppError.validation(errors);
    const secret = input.confidential ? newClientSecret() : null;
    const client = await this.tx.run(async (manager) => {
      if (!(await manager.existsBy(Group, { id: input.groupId }))) throw AppError.notFound('Group', input.groupId);
      if (input.customerId && !(await manager.existsBy(Customer, { id: input.customerId, groupId: input.groupId }))) {
        throw AppError.notFound('Customer', input.customerId);
      }
      const saved = await manager.save(
        manager.create(ApiClient, {
          clientId: newClientId(),
          groupId: input.groupId,
          name: input.name,
          confidential: input.confidential,
          secretHash: secret === null ? null : hashClientSecret(secret),
          redirectUris,
          scopes,
          justification: input.justification ?? null,
          sensitiveApprovedAt: null,
          sensitiveApprovedBy: null,
          customerId: input.customerId ?? null,
          createdBy: principal.userId,
        }),
      );
      await this.audit.record(principal, manager, {
        action: 'api-client.register',
        objectType: 'api-client',
        objectId: saved.id,
        groupId: saved.groupId,
        after: { clientId: saved.clientId, name: saved.name, confidential: saved.confidential, scopes, redirectUris, customerId: saved.customerId },
      });
      return saved;
    });
    return { client, clientSecret: secret };
  }

  list(principal: Principal, groupId?: string | null): Promise<ApiClient[]> {
    if (groupId) {
      if (!canReadGroup(principal, groupId)) return Promise.resolve([]);
      return this.clients.find({ where: { groupId }, order: { createdAt: 'ASC', id: 'ASC' } });
    }
    const where = isPlatformAdmin(principal) ? {} : { groupId: In(principal.groupIds) };
    return this.clients.find({ where, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async rotateSecret(principal: Principal, id: string): Promise<RegisteredApiClient> {
    const secret = newClientSecret();
    const client = await this.tx.run(async (manager) => {
      const found = await this.writable(principal, id, manager.getRepository(ApiClient));
      if (!found.confidential) throw AppError.validation([{ field: 'id', message: 'a public client has no secret' }]);
      found.secretHash = hashClientSecret(secret);
      const saved = await manager.save(found);
      await this.audit.record(principal, manager, { action: 'api-client.rotate-secret', objectType: 'api-client', objectId: id, groupId: found.groupId });
      return saved;
    });
    return { client, clientSecret: secret };
  }

  async approveSensitiveScopes(principal: Principal, id: string): Promise<ApiClient> {
    return this.tx.run(async (manager) => {
      const found = await manager.findOneBy(ApiClient, { id });
      if (found === null) throw AppError.notFound('API client', id);
      const sensitive = sensitiveScopesOf(found.scopes);
      if (sensitive.length === 0) throw AppError.validation([{ field: 'id', message: 'the client asks for no sensitive scope' }]);
      found.sensitiveApprovedAt = new Date();
      found.sensitiveApprovedBy = principal.userId;
      const saved = await manager.save(found);
      await this.audit.record(principal, manager, {
        action: 'api-client.approve-sensitive-scopes',
        objectType: 'api-client',
        objectId: id,
        groupId: found.groupId,
        after: { scopes: sensitive },
      });
      return saved;
    });
  }

  /** Deletes the client; its tokens stop working at once, its grants and codes go with it. */
  async remove(principal: Principal, id: string): Promise<boolean> {
    return this.tx.run(async (manager) => {
      const found = await this.writable(principal, id, manager.getRepository(ApiClient));
      await manager.delete(ApiClient, { id });
      await manager.delete(OAuthRecord, { clientId: found.clientId });
      await this.audit.record(principal, manager, {
        action: 'api-client.delete',
        objectType: 'api-client',
        objectId: id,
        groupId: found.groupId,
        before: { clientId: found.clientId, name: found.name },
      });
      return true;
    });
  }

  private async writable(principal: Principal, id: string, repository: Repository<ApiClient>): Promise<ApiClient> {
    const found = await repository.findOneBy({ id });
    if (found === null || !canReadGroup(principal, found.groupId)) throw AppError.notFound('API client', id);
    if (!canWriteGroup(principal, found.groupId)) throw AppError.forbidden();
    return found;
  }
}
