// The southbound's writes to the Node rows: connection fields when a device connects or
// goes, lastSeenAt at most once per interval (not per message), and a new unclaimed row
// for a serial never seen, so an admin can find and claim it (within the rate and cap of
// UnknownSerialLimiter: beyond them the serial is not recorded). Writes go through the
// TransactionRunner (SQLite shares one connection with every open transaction); arrivals
// and sightings of the same event-loop turn share one (a fleet-wide change makes every
// device report within seconds).

import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { CompiledUpdate } from '../../database/compiled-update';
import { TransactionRunner } from '../../database/transaction-runner';
import { WriteBatcher } from '../../database/write-batcher';
import { Node } from '../../nodes/node.entity';
import { APP_CONFIG } from '../../config/app-config';
import type { AppConfig } from '../../config/app-config';
import { SouthboundService } from '../../southbound/southbound.service';
import { UnknownSerialLimiter } from './unknown-serial-limiter';
import { DISCONNECT_UNLESS_HELD_ELSEWHERE, RESET_OWN_NODES } from '../../cluster/cluster-sql';
import { serialCondition, UnclaimedScope } from '../../serial-assignments/serial-assignments.service';

export const LAST_SEEN_INTERVAL_MS = 60_000;
const SERIALS_PER_QUERY = 500;

interface Arrival {
  facts: DeviceFacts;
  at: Date;
}

const ARRIVAL_FIELDS = ['connected', 'connectedSince', 'lastSeenAt', 'remoteAddress', 'model', 'firmwareVersion', 'updatedAt'] as const;
type ArrivalField = (typeof ARRIVAL_FIELDS)[number];

interface Sighting {
  nodeId: string;
  at: Date;
}

export interface DeviceFacts {
  serial: string;
  model: string | undefined;
  firmwareVersion: string | undefined;
  remoteAddress: string | undefined;
}

@Injectable()
export class NodePresenceService {
  private readonly logger = new Logger('Southbound');
  private readonly lastWritten = new Map<string, number>();
  private readonly arrivals = new WriteBatcher<Arrival, Node | undefined>((batch) => this.writeArrivals(batch));
  private readonly sightings = new WriteBatcher<Sighting, void>((batch) => this.writeSightings(batch));
  private readonly lastSeenUpdate: CompiledUpdate<Node, 'lastSeenAt'>;
  private readonly arrivalUpdate: CompiledUpdate<Node, ArrivalField>;
  private readonly unknownSerials: UnknownSerialLimiter;
  /** In a cluster, this instance's id: presence writes touch only the devices it holds. */
  private readonly instanceId: string | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    @Inject(APP_CONFIG) config: AppConfig,
    southbound: SouthboundService,
  ) {
    this.unknownSerials = new UnknownSerialLimiter(
      config.ovsdb.unknownSerialsPerMinute,
      config.ovsdb.maxUnclaimedNodes,
      (line) => this.logger.warn(line),
      () => southbound.stats.unknownSerialsDropped++,
    );
    this.instanceId = config.cluster?.instanceId;
    this.lastSeenUpdate = new CompiledUpdate(dataSource, Node, ['lastSeenAt']);
    this.arrivalUpdate = new CompiledUpdate(dataSource, Node, ARRIVAL_FIELDS);
  }

  /**
   * Marks the node connected (creating it unclaimed when the serial is new); returns it, or
   * undefined for a new serial beyond the rate or cap of unknown serials (not recorded).
   * Devices that connect in the same event-loop turn are written in one transaction.
   */
  connected(facts: DeviceFacts, at: Date): Promise<Node | undefined> {
    return this.arrivals.add({ facts, at });
  }

  private writeArrivals(arrivals: readonly Arrival[]): Promise<Array<Node | undefined>> {
    return this.transactions.run(async (manager) => {
      const bySerial = new Map<string, Node>();
      const serials = [...new Set(arrivals.map((a) => a.facts.serial))];
      for (let i = 0; i < serials.length; i += SERIALS_PER_QUERY) {
        for (const node of await manager.findBy(Node, { serialNumber: In(serials.slice(i, i + SERIALS_PER_QUERY)) })) bySerial.set(node.serialNumber, node);
      }
      const out: Array<Node | undefined> = [];
      let unclaimed: number | undefined;
      for (const { facts, at } of arrivals) {
        const existing = bySerial.get(facts.serial);
        if (existing === undefined) {
          unclaimed ??= await manager.countBy(Node, { locationId: IsNull() });
          if (this.unknownSerials.admit(unclaimed, facts.serial) !== 'record') {
            out.push(undefined);
            continue;
          }
          unclaimed++;
        }
        const fields: Pick<Node, ArrivalField> = {
          connected: true,
          connectedSince: at,
          lastSeenAt: at,
          remoteAddress: facts.remoteAddress?.slice(0, 64) ?? null,
          model: facts.model?.slice(0, 64) ?? existing?.model ?? null,
          firmwareVersion: facts.firmwareVersion?.slice(0, 64) ?? existing?.firmwareVersion ?? null,
          updatedAt: at,
        };
        let node: Node;
        if (existing) {
          await this.arrivalUpdate.run(manager, existing.id, fields);
          node = Object.assign(new Node(), existing, fields);
        } else {
          node = await manager.save(manager.create(Node, { serialNumber: facts.serial, locationId: null, groupId: null, ...fields }));
          this.logger.log(`[serial=${facts.serial}] unknown serial recorded as an unclaimed node`);
        }
        bySerial.set(facts.serial, node);
        this.lastWritten.set(node.id, at.getTime());
        out.push(node);
      }
      return out;
    });
  }

  async disconnected(nodeId: string, at: Date): Promise<void> {
    this.lastWritten.delete(nodeId);
    // The device may already be held by another instance (moved): that one says it is connected.
    if (this.instanceId !== undefined) return void (await this.dataSource.query(DISCONNECT_UNLESS_HELD_ELSEWHERE, [nodeId, this.instanceId, at]));
    await this.transactions.run((manager) =>
      manager.update(Node, { id: nodeId }, { connected: false, lastSeenAt: at, updatedAt: at }),
    );
  }

  /** Records activity, at most once per LAST_SEEN_INTERVAL_MS per node. */
  async seen(nodeId: string, at: Date): Promise<void> {
    const last = this.lastWritten.get(nodeId);
    if (last !== undefined && at.getTime() - last < LAST_SEEN_INTERVAL_MS) return;
    this.lastWritten.set(nodeId, at.getTime());
    await this.sightings.add({ nodeId, at });
  }

  private writeSightings(sightings: readonly Sighting[]): Promise<void[]> {
    return this.transactions.run(async (manager) => {
      for (const { nodeId, at } of sightings) await this.lastSeenUpdate.run(manager, nodeId, { lastSeenAt: at });
      return sightings.map(() => undefined);
    });
  }

  /** At start-up no session exists yet, whatever a previous process left behind (in a cluster: this instance's). */
  async resetAll(at: Date): Promise<void> {
    if (this.instanceId !== undefined) return void (await this.dataSource.query(RESET_OWN_NODES, [this.instanceId]));
    await this.transactions.run((manager) => manager.update(Node, { connected: true }, { connected: false, updatedAt: at }));
  }

  /** Nodes that connected but belong to no location yet, most recently seen first; `scope` narrows them to a group's serials. */
  unclaimed(scope: UnclaimedScope = 'ALL'): Promise<Node[]> {
    if (scope === 'ALL') return this.dataSource.manager.find(Node, { where: { locationId: IsNull() }, order: { lastSeenAt: 'DESC', serialNumber: 'ASC' } });
    if (scope.serials.length === 0 && scope.prefixes.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(Node, 'n')
      .where('n.locationId IS NULL')
      .andWhere(serialCondition('n', scope))
      .orderBy('n.lastSeenAt', 'DESC')
      .addOrderBy('n.serialNumber', 'ASC')
      .getMany();
  }
}
