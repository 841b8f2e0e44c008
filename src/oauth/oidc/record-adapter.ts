// oidc-provider's storage adapter on the project's database: every model in oauth_records
// (so several controller instances share grants, codes and refresh tokens), except
// `Client`, which is read from the API client registry (no dynamic registration).

import { DataSource, FindOptionsWhere, LessThan, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ApiClient } from '../clients/api-client.entity';
import { clientMetadata } from '../clients/client-metadata';
import { OAuthRecord } from './oauth-record.entity';

type Payload = Record<string, unknown>;

/** The adapter interface oidc-provider calls (one instance per model name). */
export interface ProviderAdapter {
  upsert(id: string, payload: Payload, expiresIn?: number): Promise<void>;
  find(id: string): Promise<Payload | undefined>;
  findByUserCode(userCode: string): Promise<Payload | undefined>;
  findByUid(uid: string): Promise<Payload | undefined>;
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
}

export type ProviderAdapterClass = new (model: string) => ProviderAdapter;

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

class RecordAdapter implements ProviderAdapter {
  constructor(
    private readonly model: string,
    private readonly records: Repository<OAuthRecord>,
  ) {}

  async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
    const row: OAuthRecord = {
      model: this.model,
      id,
      payload,
      grantId: str(payload.grantId),
      clientId: str(payload.clientId),
      accountId: str(payload.accountId),
      userCode: str(payload.userCode),
      uid: str(payload.uid),
      expiresAt: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
      consumedAt: null,
    };
    await this.records.upsert(row as QueryDeepPartialEntity<OAuthRecord>, ['model', 'id']);
  }

  find(id: string): Promise<Payload | undefined> {
    return this.one({ model: this.model, id });
  }

  findByUserCode(userCode: string): Promise<Payload | undefined> {
    return this.one({ model: this.model, userCode });
  }

  findByUid(uid: string): Promise<Payload | undefined> {
    return this.one({ model: this.model, uid });
  }

  async consume(id: string): Promise<void> {
    const row = await this.records.findOneBy({ model: this.model, id });
    if (row === null) return;
    await this.records.update(
      { model: this.model, id },
      { consumedAt: new Date(), payload: { ...row.payload, consumed: Math.floor(Date.now() / 1000) } },
    );
  }

  async destroy(id: string): Promise<void> {
    await this.records.delete({ model: this.model, id });
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.records.delete({ grantId });
  }

  private async one(where: FindOptionsWhere<OAuthRecord>): Promise<Payload | undefined> {
    const row = await this.records.findOneBy(where);
    if (row === null) return undefined;
    if (row.expiresAt !== null && row.expiresAt.getTime() <= Date.now()) return undefined;
    return row.payload;
  }
}

class ClientAdapter implements ProviderAdapter {
  constructor(private readonly clients: Repository<ApiClient>) {}

  async find(id: string): Promise<Payload | undefined> {
    if (id.length > 64) return undefined;
    const client = await this.clients.findOneBy({ clientId: id });
    return client === null ? undefined : clientMetadata(client);
  }

  async upsert(): Promise<void> {
    throw new Error('API clients are registered through the GraphQL API');
  }

  async findByUserCode(): Promise<undefined> {
    return undefined;
  }

  async findByUid(): Promise<undefined> {
    return undefined;
  }

  async consume(): Promise<void> {}

  async destroy(): Promise<void> {}

  async revokeByGrantId(): Promise<void> {}
}

export function recordAdapterClass(dataSource: DataSource): ProviderAdapterClass {
  const records = dataSource.getRepository(OAuthRecord);
  const clients = dataSource.getRepository(ApiClient);
  return class {
    constructor(model: string) {
      return model === 'Client' ? new ClientAdapter(clients) : new RecordAdapter(model, records);
    }
  } as unknown as ProviderAdapterClass;
}

/** Deletes records that expired more than a grace period ago; returns how many. */
export async function sweepExpiredRecords(dataSource: DataSource, before: Date): Promise<number> {
  const result = await dataSource.getRepository(OAuthRecord).delete({ expiresAt: LessThan(before) });
  return result.affected ?? 0;
}

