// Client nicknames as desired state of every node of the location: Client_Nickname_Config
// rows planned in the node's reconcile pass (a PassContributor), so a rename reaches every
// node in its one transaction and a device that loses or changes a row is corrected.
// Nicknames are cached per location (only clients that have one) until a rename, which is
// published as a location change naming the cache (DomainEvent.caches), so every instance of
// a cluster drops its copy and the holders of the location's nodes push the name; a copy is
// also read again after INDEX_MAX_AGE_MS (a relayed notice is at most once).

import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { CachedRow, desiredNicknames, NICKNAME_TABLE, planClientNicknames } from '@lib/opensync';
import { Operation } from '@lib/ovsdb';
import { Subscription } from 'rxjs';
import { DataSource, Not, IsNull } from 'typeorm';
import { INDEX_MAX_AGE_MS } from '../../domain-events/domain-event';
import { DomainEvents } from '../../domain-events/domain-events.service';
import { PassContributors, PassInput } from '../../reconciler/worker/pass-contributors';
import { ClientRecord } from '../store/client.entity';

@Injectable()
export class NicknamesService implements OnModuleInit, OnModuleDestroy {
  private readonly byLocation = new Map<string, { names: Promise<Map<string, string>>; at: number }>();
  private subscription: Subscription | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly contributors: PassContributors,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.contributors.register({ name: 'client nicknames', plan: (input) => this.plan(input) });
    this.subscription = this.events.events$.subscribe((event) => {
      if (event.caches?.includes('client-nicknames')) this.byLocation.delete(event.locationId);
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** After a rename commits: every instance reloads the location's names, and its nodes are reconciled (a location change). */
  changed(locationId: string): void {
    this.byLocation.delete(locationId);
    this.events.publish([{ type: 'location-changed', locationId, caches: ['client-nicknames'] }]);
  }

  nicknamesOf(locationId: string): Promise<Map<string, string>> {
    const now = Date.now();
    let cached = this.byLocation.get(locationId);
    if (cached === undefined || now - cached.at > INDEX_MAX_AGE_MS) {
      const entry = { names: this.load(locationId), at: now };
      this.byLocation.set(locationId, entry);
      entry.names.catch(() => {
        if (this.byLocation.get(locationId) === entry) this.byLocation.delete(locationId);
      });
      cached = entry;
    }
    return cached.names;
  }

  private async plan({ connection, locationId }: PassInput): Promise<Operation[]> {
    const names = locationId === null ? new Map<string, string>() : await this.nicknamesOf(locationId);
    const rows = [...(connection.wifi.table(NICKNAME_TABLE)?.values() ?? [])] as CachedRow[];
    return planClientNicknames(desiredNicknames(names), rows, connection.schema);
  }

  private async load(locationId: string): Promise<Map<string, string>> {
    const rows = await this.dataSource.manager.find(ClientRecord, {
      select: { mac: true, nickname: true },
      where: { locationId, nickname: Not(IsNull()) },
    });
    return new Map(rows.flatMap((r) => (r.nickname === null ? [] : [[r.mac, r.nickname] as [string, string]])));
  }
}
