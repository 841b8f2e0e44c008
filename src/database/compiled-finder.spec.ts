// The compiled finder must return exactly what TypeORM's `find` returns for the same
// condition and order, on a real SQLite database, for every column kind the entities use.

import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { CompiledFinder } from './compiled-finder';

@Entity('finder_probe')
class Probe {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'owner_id', type: 'varchar', length: 36 })
  ownerId!: string;

  @Column({ name: 'sort_key', type: 'varchar', length: 20 })
  sortKey!: string;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ name: 'vlan_id', type: 'integer', nullable: true })
  vlanId!: number | null;

  @Column({ type: 'simple-json' })
  bands!: string[];

  @Column({ name: 'expires_at', type: Date, nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}

describe('CompiledFinder (SQLite)', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Probe], synchronize: true }).initialize();
    const rows: Array<Partial<Probe>> = [
      { id: 'p-3', ownerId: 'o-1', sortKey: 'c', enabled: true, vlanId: 20, bands: ['2.4G', '5G'], expiresAt: new Date('2030-01-02T03:04:05.678Z') },
      { id: 'p-1', ownerId: 'o-1', sortKey: 'a', enabled: false, vlanId: null, bands: [], expiresAt: null },
      { id: 'p-2', ownerId: 'o-1', sortKey: 'b', enabled: true, vlanId: null, bands: ['6G'], expiresAt: null },
      { id: 'p-9', ownerId: 'o-2', sortKey: 'a', enabled: true, vlanId: 7, bands: ['5G'], expiresAt: null },
    ];
    await dataSource.manager.save(rows.map((r) => dataSource.manager.create(Probe, { ...r, createdAt: new Date('2026-11-23T10:00:00.000Z') })));
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('returns the same entities, in the same order, as find', async () => {
    const finder = new CompiledFinder(dataSource, Probe, { where: 'ownerId', orderBy: [['sortKey', 'DESC']] });
    const expected = await dataSource.manager.find(Probe, { where: { ownerId: 'o-1' }, order: { sortKey: 'DESC' } });
    const actual = await finder.find('o-1');
    expect(actual.map((p) => p.id)).toEqual(['p-3', 'p-2', 'p-1']);
    expect(actual).toEqual(expected);
    expect(actual[0]).toBeInstanceOf(Probe);
    expect(actual[0].enabled).toBe(true);
    expect(actual[1].bands).toEqual(['6G']);
    expect(actual[0].expiresAt).toEqual(new Date('2030-01-02T03:04:05.678Z'));
  });

  it('finds one row by primary key, and null for an unknown key', async () => {
    const finder = new CompiledFinder(dataSource, Probe, { where: 'id' });
    expect(await finder.findOne('p-9')).toEqual(await dataSource.manager.findOneBy(Probe, { id: 'p-9' }));
    expect(await finder.findOne('nope')).toBeNull();
  });

  it('names the property when the entity has no such column', async () => {
    const finder = new CompiledFinder(dataSource, Probe, { where: 'missing' as keyof Probe & string });
    await expect(finder.find('x')).rejects.toThrow('Probe has no column missing');
  });
});
