// The southbound's writes to the Node rows: connection fields when a device connects or
// goes, lastSeenAt at most once per interval (not per message), and a new unclaimed row
// for a serial never seen, so an admin can find and claim it. Writes go through the
// TransactionRunner (SQLite shares one connection with every open transaction).

import { Injectable, Logger } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { TransactionRunner } from '../../database/transaction-runner';
import { Node } from '../../nodes/node.entity';

export const LAST_SEEN_INTERVAL_MS = 60_000;

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

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  /** Marks the node connected (creating it unclaimed when the serial is new); returns it. */
  async connected(facts: DeviceFacts, at: Date): Promise<Node> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transactions.run(async (manager) => {
          const existing = await manager.findOneBy(Node, { serialNumber: facts.serial });
          const node = existing ?? manager.create(Node, { serialNumber: facts.serial, locationId: null, groupId: null });
          Object.assign(node, {
            connected: true,
            connectedSince: at,
            lastSeenAt: at,
            remoteAddress: facts.remoteAddress?.slice(0, 64) ?? null,
            model: facts.model?.slice(0, 64) ?? node.model ?? null,
            firmwareVersion: facts.firmwareVersion?.slice(0, 64) ?? node.firmwareVersion ?? null,
            updatedAt: at,
          });
          const saved = await manager.save(node);
          if (existing === null) this.logger.log(`[serial=${facts.serial}] unknown serial recorded as an unclaimed node`);
          this.lastWritten.set(saved.id, at.getTime());
          return saved;
        });
      } catch (error) {
        // Two sessions of a new serial at once: the second insert hits the unique serial.
        if (attempt >= 2) throw error;
      }
    }
  }

  async disconnected(nodeId: string, at: Date): Promise<void> {
    this.lastWritten.delete(nodeId);
    await this.transactions.run((manager) =>
      manager.update(Node, { id: nodeId }, { connected: false, lastSeenAt: at, updatedAt: at }),
    );
  }

  /** Records activity, at most once per LAST_SEEN_INTERVAL_MS per node. */
  async seen(nodeId: string, at: Date): Promise<void> {
    const last = this.lastWritten.get(nodeId);
    if (last !== undefined && at.getTime() - last < LAST_SEEN_INTERVAL_MS) return;
    this.lastWritten.set(nodeId, at.getTime());
    await this.transactions.run((manager) => manager.update(Node, { id: nodeId }, { lastSeenAt: at }));
  }

  /** At start-up no session exists yet, whatever a previous process left behind. */
  async resetAll(at: Date): Promise<void> {
    await this.transactions.run((manager) => manager.update(Node, { connected: true }, { connected: false, updatedAt: at }));
  }

  /** Nodes that connected but belong to no location yet, most recently seen first. */
  unclaimed(): Promise<Node[]> {
    return this.dataSource.manager.find(Node, { where: { locationId: IsNull() }, order: { lastSeenAt: 'DESC', serialNumber: 'ASC' } });
  }
}
