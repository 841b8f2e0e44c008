// Node row upkeep on a real SQLite database: arrivals and sightings of one event-loop turn
// are written together, and lastSeenAt moves at most once per interval.

import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TransactionRunner } from '../../database/transaction-runner';
import { Node } from '../../nodes/node.entity';
import { loadConfig } from '../../config/load-config';
import { SouthboundService } from '../../southbound/southbound.service';
import { LAST_SEEN_INTERVAL_MS, NodePresenceService } from './node-presence.service';
import type { DeviceFacts } from './node-presence.service';

const facts = (serial: string) => ({ serial, model: 'PP203X', firmwareVersion: '6.4.0', remoteAddress: '192.0.2.7' });

describe('NodePresenceService (SQLite)', () => {
  let dataSource: DataSource;
  let presence: NodePresenceService;
  let transactions: number;
  let southbound: SouthboundService;

  beforeAll(async () => {
    // Each unknown serial is logged; the tests read the rows instead.
    Logger.overrideLogger(['error', 'warn']);
    dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Node], synchronize: true }).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  beforeEach(async () => {
    await dataSource.manager.clear(Node);
    const runner = new TransactionRunner(dataSource);
    const run = runner.run.bind(runner);
    transactions = 0;
    runner.run = (work) => {
      transactions++;
      return run(work);
    };
    const config = loadConfig({ OVSDB_UNKNOWN_SERIALS_PER_MINUTE: '4', OVSDB_MAX_UNCLAIMED_NODES: '6' });
    southbound = new SouthboundService(config);
    presence = new NodePresenceService(dataSource, runner, config, southbound);
  });

  const arrive = async (f: DeviceFacts, at: Date): Promise<Node> => {
    const node = await presence.connected(f, at);
    if (node === undefined) throw new Error(`${f.serial} was not recorded`);
    return node;
  };

  const lastSeen = async (serial: string): Promise<number | undefined> =>
    (await dataSource.manager.findOneByOrFail(Node, { serialNumber: serial })).lastSeenAt?.getTime();

  it('records devices arriving in the same turn as unclaimed nodes, in one transaction', async () => {
    const at = new Date('2026-01-01T00:00:00.000Z');
    const nodes = await Promise.all(['S1', 'S2', 'S3'].map((s) => arrive(facts(s), at)));
    expect(transactions).toBe(1);
    expect(nodes.map((n) => n.serialNumber)).toEqual(['S1', 'S2', 'S3']);
    const stored = await dataSource.manager.findBy(Node, { connected: true });
    expect(stored).toHaveLength(3);
    expect(stored.every((n) => n.locationId === null && n.lastSeenAt?.getTime() === at.getTime())).toBe(true);
  });

  it('updates a known node when it reconnects, keeping its claim and what the device does not report', async () => {
    const at = new Date('2026-01-01T00:00:00.000Z');
    const node = await arrive(facts('S1'), at);
    await dataSource.manager.update(Node, { id: node.id }, { locationId: 'loc-1' });
    await presence.disconnected(node.id, new Date(at.getTime() + 1_000));
    const again = new Date(at.getTime() + 2_000);
    const back = await arrive({ serial: 'S1', model: undefined, firmwareVersion: '6.5.0', remoteAddress: '192.0.2.8' }, again);
    expect(back.id).toBe(node.id);
    const stored = await dataSource.manager.findOneByOrFail(Node, { id: node.id });
    expect(stored).toMatchObject({ connected: true, locationId: 'loc-1', model: 'PP203X', firmwareVersion: '6.5.0', remoteAddress: '192.0.2.8' });
    expect(stored.connectedSince?.getTime()).toBe(again.getTime());
    expect(stored.updatedAt.getTime()).toBe(again.getTime());
  });

  it('moves lastSeenAt only once the interval has passed, sightings of one turn in one transaction', async () => {
    const at = new Date('2026-01-01T00:00:00.000Z');
    const nodes = await Promise.all(['S1', 'S2', 'S3'].map((s) => arrive(facts(s), at)));

    const soon = new Date(at.getTime() + LAST_SEEN_INTERVAL_MS - 1);
    transactions = 0;
    await Promise.all(nodes.map((n) => presence.seen(n.id, soon)));
    expect(transactions).toBe(0);
    expect(await lastSeen('S1')).toBe(at.getTime());

    const later = new Date(at.getTime() + LAST_SEEN_INTERVAL_MS);
    await Promise.all(nodes.map((n) => presence.seen(n.id, later)));
    expect(transactions).toBe(1);
    for (const serial of ['S1', 'S2', 'S3']) expect(await lastSeen(serial)).toBe(later.getTime());
  });

  it('a sighting of a node whose row is gone does not fail the others', async () => {
    const at = new Date('2026-01-01T00:00:00.000Z');
    const [kept, gone] = await Promise.all(['S1', 'S2'].map((s) => arrive(facts(s), at)));
    await dataSource.manager.delete(Node, { id: gone.id });
    const later = new Date(at.getTime() + LAST_SEEN_INTERVAL_MS);
    await Promise.all([presence.seen(kept.id, later), presence.seen(gone.id, later)]);
    expect(await lastSeen('S1')).toBe(later.getTime());
  });

  it('marks a node disconnected, keeping when it was last seen', async () => {
    const at = new Date('2026-01-01T00:00:00.000Z');
    const node = await arrive(facts('S1'), at);
    const gone = new Date(at.getTime() + 5_000);
    await presence.disconnected(node.id, gone);
    const stored = await dataSource.manager.findOneByOrFail(Node, { id: node.id });
    expect(stored.connected).toBe(false);
    expect(stored.lastSeenAt?.getTime()).toBe(gone.getTime());
  });

  it('records unknown serials within the rate and the cap of unclaimed nodes, counting the others', async () => {
    const at = new Date('2026-01-01T00:00:00.000Z');
    const first = await Promise.all(['S1', 'S2', 'S3', 'S4', 'S5'].map((s) => presence.connected(facts(s), at)));
    expect(first.map((n) => n?.serialNumber)).toEqual(['S1', 'S2', 'S3', 'S4', undefined]);
    expect(southbound.stats.unknownSerialsDropped).toBe(1);
    // A known serial is never limited.
    expect((await presence.connected(facts('S1'), at))?.serialNumber).toBe('S1');
    for (const serialNumber of ['C1', 'C2']) await dataSource.manager.save(dataSource.manager.create(Node, { serialNumber, connected: false, locationId: null }));
    expect(await dataSource.manager.count(Node)).toBe(6);
    // Six unclaimed rows: the cap holds even when the rate would allow more.
    const bucketFull = new NodePresenceService(dataSource, new TransactionRunner(dataSource), loadConfig({ OVSDB_MAX_UNCLAIMED_NODES: '6' }), southbound);
    expect(await bucketFull.connected(facts('S9'), at)).toBeUndefined();
    expect(southbound.stats.unknownSerialsDropped).toBe(2);
    expect(await dataSource.manager.count(Node)).toBe(6);
  });
});
