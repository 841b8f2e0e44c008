// The compiled update must store exactly what TypeORM's `update` stores, on a real SQLite
// database, for every column kind the entities use.

import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { CompiledUpdate } from './compiled-update';

@Entity('update_probe')
class Probe {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  name!: string;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ name: 'vlan_id', type: 'integer', nullable: true })
  vlanId!: number | null;

  @Column({ type: 'simple-json' })
  bands!: string[];

  @Column({ name: 'expires_at', type: Date, nullable: true })
  expiresAt!: Date | null;
}

describe('CompiledUpdate (SQLite)', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Probe], synchronize: true }).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  async function seed(): Promise<void> {
    await dataSource.manager.clear(Probe);
    for (const id of ['a', 'b', 'c']) {
      await dataSource.manager.save(dataSource.manager.create(Probe, { id, name: 'before', enabled: true, vlanId: 10, bands: ['5G'], expiresAt: null }));
    }
  }

  it('stores the same row as update, for every column kind, and leaves other rows alone', async () => {
    await seed();
    const values = { name: 'after', enabled: false, vlanId: null, bands: ['2.4G', '6G'], expiresAt: new Date('2030-01-02T03:04:05.678Z') };
    await dataSource.manager.update(Probe, { id: 'a' }, values);
    await new CompiledUpdate(dataSource, Probe, ['name', 'enabled', 'vlanId', 'bands', 'expiresAt']).run(dataSource.manager, 'b', values);
    const raw = (id: string) => dataSource.query<Record<string, unknown>[]>('SELECT name, enabled, vlan_id, bands, expires_at FROM update_probe WHERE id = ?', [id]);
    expect(await raw('b')).toEqual(await raw('a'));
    expect(await dataSource.manager.findOneBy(Probe, { id: 'b' })).toEqual({ id: 'b', ...values });
    expect(await dataSource.manager.findOneBy(Probe, { id: 'c' })).toMatchObject({ name: 'before', enabled: true, vlanId: 10 });
  });

  it('updates only the properties it was built for', async () => {
    await seed();
    await new CompiledUpdate(dataSource, Probe, ['enabled']).run(dataSource.manager, 'a', { enabled: false });
    expect(await dataSource.manager.findOneBy(Probe, { id: 'a' })).toMatchObject({ name: 'before', enabled: false, vlanId: 10, bands: ['5G'] });
  });

  it('names the property when the entity has no such column', async () => {
    const update = new CompiledUpdate(dataSource, Probe, ['missing' as keyof Probe & string]);
    await expect(update.run(dataSource.manager, 'a', {} as never)).rejects.toThrow('Probe has no column missing');
  });
});
