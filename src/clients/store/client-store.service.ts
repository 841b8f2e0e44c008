// Persistence of client connects, disconnects and DHCP details. Writes are gathered per
// event-loop turn (WriteBatcher) and applied in order in one transaction per batch, so a
// burst of connects from ten thousand devices costs a few hundred transactions, not one per
// event. A disconnect only touches a client row still on the node that reports it (a client
// that roamed to another node of the location stays connected there).
// In a cluster (docs/scaling.md) the start-up reset touches only the nodes this instance
// held; a node attached here first ends whatever an earlier holder left open for it (that
// holder may have died without saying who left), and a disconnect ends only the connection
// this instance saw begin: the device's previous holder may learn that its session ended
// after the device is already attached elsewhere, and its late disconnect must not end the
// new holder's connection. Batches may commit out of order (one transaction each, several
// in flight), so each of these writes names the rows it means by their start time.

import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, LessThan, MoreThan } from 'typeorm';
import { END_OWN_CLIENT_SESSIONS, LOCK_CLIENT, RESET_OWN_CLIENTS } from '../../cluster/cluster-sql';
import { APP_CONFIG } from '../../config/app-config';
import type { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction-runner';
import { WriteBatcher } from '../../database/write-batcher';
import { ClientDetails, ClientEvent } from '../live/client-event';
import { ClientSession } from './client-session.entity';
import { ClientRecord } from './client.entity';

export type ClientWrite =
  /** `since`: when this instance saw the client connect (a disconnect ends that connection only). */
  | { kind: 'event'; event: ClientEvent & { locationId: string; groupId: string }; details: ClientDetails | null; since: Date }
  | { kind: 'details'; locationId: string; mac: string; details: ClientDetails }
  /** A node's session began here: what an earlier session of it left connected is over (cluster only). */
  | { kind: 'attached'; nodeId: string; at: Date };

@Injectable()
export class ClientStore {
  private readonly logger = new Logger('Clients');
  private readonly batcher: WriteBatcher<ClientWrite, void>;
  /** In a cluster, this instance's id. */
  readonly instanceId: string | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.instanceId = config.cluster?.instanceId;
    this.batcher = new WriteBatcher((writes) => this.writeAll(writes));
  }

  write(item: ClientWrite): Promise<void> {
    return this.batcher.add(item).catch((error: unknown) => {
      this.logger.warn(`could not store a client change: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** At start-up no device is connected yet: every client is disconnected, every session ends (in a cluster: of the nodes this instance held). */
  async resetAll(now: Date): Promise<void> {
    if (this.instanceId !== undefined) {
      await this.dataSource.query(RESET_OWN_CLIENTS, [this.instanceId]);
      await this.dataSource.query(END_OWN_CLIENT_SESSIONS, [this.instanceId, now]);
      return;
    }
    await this.transactions.run(async (m) => {
      await m.update(ClientSession, { endedAt: IsNull() }, { endedAt: now });
      await m.update(ClientRecord, { connected: true }, { connected: false, connectedSince: null });
    });
  }

  /** Removes sessions that ended before `cutoff`, at most `limit` rows; returns how many. */
  async deleteSessionsEndedBefore(cutoff: Date, limit: number): Promise<number> {
    const old = await this.dataSource.manager.find(ClientSession, { select: { id: true }, where: { endedAt: LessThan(cutoff) }, take: limit });
    if (old.length === 0) return 0;
    await this.dataSource.manager.delete(ClientSession, old.map((s) => s.id));
    return old.length;
  }

  private async writeAll(writes: readonly ClientWrite[]): Promise<void[]> {
    // Through the runner: on SQLite every transaction of the process shares one connection and
    // must wait its turn (two open at once end each other's).
    await this.transactions.run(async (m) => {
      for (const w of writes) await this.apply(m, w);
    });
    return writes.map(() => undefined);
  }

  /**
   * In a cluster: whether the client's row already holds a later connection. A device that
   * moves between instances is seen connecting on each; the earlier holder's write may commit
   * after the later holder's (each instance writes in its own batches), and must not take
   * the client's row and session back to the older connection (its disconnect, naming that
   * connection's start, then finds nothing to end). The lock orders one client's writes.
   */
  private async newerConnectionStored(m: EntityManager, locationId: string, mac: string, at: Date): Promise<boolean> {
    if (this.instanceId === undefined) return false;
    await m.query(LOCK_CLIENT, [`${locationId}|${mac}`]);
    return m.exists(ClientRecord, { where: { locationId, mac, connected: true, connectedSince: MoreThan(at) } });
  }

  private async apply(m: EntityManager, w: ClientWrite): Promise<void> {
    if (w.kind === 'attached') {
      // Only what began before this session: its own connects come later.
      await m.update(ClientRecord, { nodeId: w.nodeId, connected: true, connectedSince: LessThan(w.at) }, { connected: false, connectedSince: null });
      await m.update(ClientSession, { nodeId: w.nodeId, endedAt: IsNull(), startedAt: LessThan(w.at) }, { endedAt: w.at });
      return;
    }
    if (w.kind === 'details') {
      await m.update(ClientRecord, { locationId: w.locationId, mac: w.mac }, { ...w.details });
      return;
    }
    const e = w.event;
    if (e.kind === 'connected') {
      if (await this.newerConnectionStored(m, e.locationId, e.mac, e.at)) return;
      const row: Partial<ClientRecord> = {
        locationId: e.locationId,
        mac: e.mac,
        groupId: e.groupId,
        connected: true,
        nodeId: e.nodeId,
        ifName: e.ifName,
        networkId: e.networkId,
        band: e.band,
        keyId: e.keyId,
        connectedSince: e.at,
        lastSeenAt: e.at,
        ...(w.details ?? {}),
      };
      await m.upsert(ClientRecord, row, { conflictPaths: ['locationId', 'mac'], skipUpdateIfNoValuesChanged: false });
      await m.update(ClientSession, { locationId: e.locationId, mac: e.mac, endedAt: IsNull() }, { endedAt: e.at });
      await m.insert(ClientSession, {
        id: randomUUID(),
        locationId: e.locationId,
        mac: e.mac,
        nodeId: e.nodeId,
        ifName: e.ifName,
        networkId: e.networkId,
        band: e.band,
        keyId: e.keyId,
        startedAt: e.at,
        endedAt: null,
      });
      return;
    }
    // In a cluster, only the connection this instance saw begin (not the device's next holder's).
    const before = this.instanceId === undefined ? {} : { connectedSince: w.since };
    const started = this.instanceId === undefined ? {} : { startedAt: w.since };
    await m.update(
      ClientRecord,
      { locationId: e.locationId, mac: e.mac, nodeId: e.nodeId, connected: true, ...before },
      { connected: false, connectedSince: null, lastSeenAt: e.at },
    );
    await m.update(ClientSession, { locationId: e.locationId, mac: e.mac, nodeId: e.nodeId, endedAt: IsNull(), ...started }, { endedAt: e.at });
  }
}
