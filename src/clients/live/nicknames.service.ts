// Client nicknames as desired state of every node of the location: Client_Nickname_Config
// rows planned in the node's reconcile pass (a PassContributor), so a rename reaches every
// node in its one transaction and a device that loses or changes a row is corrected.
// Nicknames are cached per location (only clients that have one) until a rename.

import { Injectable, OnModuleInit } from '@nestjs/common';
import { CachedRow, desiredNicknames, NICKNAME_TABLE, planClientNicknames } from '@lib/opensync';
import { Operation } from '@lib/ovsdb';
import { DataSource, Not, IsNull } from 'typeorm';
import { DesiredStateService } from '../../reconciler/desired-state.service';
import { ReconcilerService } from '../../reconciler/reconciler.service';
import { PassContributors, PassInput } from '../../reconciler/worker/pass-contributors';
import { ClientRecord } from '../store/client.entity';

@Injectable()
export class NicknamesService implements OnModuleInit {
  private readonly byLocation = new Map<string, Promise<Map<string, string>>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly contributors: PassContributors,
    private readonly desired: DesiredStateService,
    private readonly reconciler: ReconcilerService,
  ) {}

  onModuleInit(): void {
    this.contributors.register({ name: 'client nicknames', plan: (input) => this.plan(input) });
  }

  /** After a rename commits: reload the location's names and push them to its nodes. */
  changed(locationId: string): void {
    this.byLocation.delete(locationId);
    for (const nodeId of this.desired.nodesPlacedAt(locationId)) this.reconciler.kick(nodeId);
  }

  nicknamesOf(locationId: string): Promise<Map<string, string>> {
    let cached = this.byLocation.get(locationId);
    if (cached === undefined) {
      cached = this.load(locationId);
      this.byLocation.set(locationId, cached);
      cached.catch(() => this.byLocation.delete(locationId));
    }
    return cached;
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
