// MAC access lists of networks: read, replace, clear; audited in the change's transaction,
// the network's location reconciled after commit. The reconciler reads them through a
// source registered here; which networks have a list is kept in memory, so a location none
// of whose networks has one costs no query when it is loaded.

import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { MacAcl } from '@lib/opensync';
import { DataSource, In } from 'typeorm';
import { assertReadable, assertWritable } from '../access/group-scope';
import { requireUuid } from '../access/location-access';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { TransactionRunner } from '../database/transaction-runner';
import { CachedIndexLoader } from '../domain-events/cached-index-loader';
import { DomainEvents } from '../domain-events/domain-events.service';
import { DesiredStateService } from '../reconciler/desired-state.service';
import { WifiNetwork } from '../wifi-networks/wifi-network.entity';
import { checkMacList, macAclOf } from './mac-list-rules';
import { SetNetworkMacListInput } from './network-mac-list.inputs';
import { NetworkMacList } from './network-mac-list.entity';

@Injectable()
export class NetworkMacListsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('NetworkMacLists');
  /** Which networks have a list; a list set or cleared on another instance arrives as an event marked 'mac-lists'. */
  private readonly listed: CachedIndexLoader<ReadonlySet<string>>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly desired: DesiredStateService,
  ) {
    this.listed = new CachedIndexLoader(() => this.loadListed(), events, 'mac-lists');
  }

  onModuleInit(): void {
    this.desired.setMacAclSource((networkIds) => this.aclsOf(networkIds));
  }

  onModuleDestroy(): void {
    this.listed.close();
  }

  /** The list of a network the caller may read (null: the network has none). */
  async listOf(networkId: string): Promise<NetworkMacList | null> {
    return this.dataSource.manager.findOneBy(NetworkMacList, { networkId });
  }

  async set(principal: Principal, networkId: string, input: SetNetworkMacListInput): Promise<NetworkMacList> {
    requireUuid('networkId', networkId);
    const { macs, errors } = checkMacList(input.macs);
    if (errors.length > 0) throw AppError.validation(errors);
    const { list, locationId } = await this.transactions.run(async (manager) => {
      const network = assertWritable(principal, await manager.findOneBy(WifiNetwork, { id: networkId }), 'wifi network', networkId);
      const before = await manager.findOneBy(NetworkMacList, { networkId });
      const list = manager.create(NetworkMacList, { networkId, groupId: network.groupId, mode: input.mode, macs, updatedAt: new Date() });
      await manager.save(list);
      await this.audit.record(principal, manager, { action: 'wifiNetwork.macList.set', objectType: 'wifiNetwork', objectId: networkId, groupId: network.groupId, before: before === null ? null : { mode: before.mode, macs: before.macs }, after: { mode: list.mode, macs: list.macs } });
      return { list, locationId: network.locationId };
    });
    this.changed(locationId);
    this.logger.log(`network ${networkId}: ${list.mode} list of ${list.macs.length} MAC(s) set by ${principal.email}`);
    return list;
  }

  /** Removes the network's list; true if there was one. */
  async clear(principal: Principal, networkId: string): Promise<boolean> {
    requireUuid('networkId', networkId);
    const { had, locationId } = await this.transactions.run(async (manager) => {
      const network = assertWritable(principal, await manager.findOneBy(WifiNetwork, { id: networkId }), 'wifi network', networkId);
      const before = await manager.findOneBy(NetworkMacList, { networkId });
      if (before === null) return { had: false, locationId: network.locationId };
      await manager.delete(NetworkMacList, { networkId });
      await this.audit.record(principal, manager, { action: 'wifiNetwork.macList.clear', objectType: 'wifiNetwork', objectId: networkId, groupId: network.groupId, before: { mode: before.mode, macs: before.macs }, after: null });
      return { had: true, locationId: network.locationId };
    });
    if (had) this.changed(locationId);
    return had;
  }

  /** For the WifiNetwork.macList field: the network was already read with the caller's scope. */
  async readable(principal: Principal, network: WifiNetwork): Promise<NetworkMacList | null> {
    assertReadable(principal, network, 'wifi network', network.id);
    return this.listOf(network.id);
  }

  private async aclsOf(networkIds: readonly string[]): Promise<ReadonlyMap<string, MacAcl>> {
    const listed = await this.listed.get();
    const wanted = networkIds.filter((id) => listed.has(id));
    if (wanted.length === 0) return new Map();
    const rows = await this.dataSource.manager.findBy(NetworkMacList, { networkId: In(wanted) });
    return new Map(rows.map((r) => [r.networkId, macAclOf(r)]));
  }

  private async loadListed(): Promise<ReadonlySet<string>> {
    const rows = await this.dataSource.manager.find(NetworkMacList, { select: { networkId: true } });
    return new Set(rows.map((r) => r.networkId));
  }

  /** After commit: the set of listed networks first (the reconciler reads it on reload), then the location. */
  private changed(locationId: string): void {
    this.listed.forget();
    this.events.publish([{ type: 'wifi-network-changed', locationId, caches: ['mac-lists'] }]);
  }
}
