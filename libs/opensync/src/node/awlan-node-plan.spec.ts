import { DatabaseSchema } from '@lib/ovsdb';
import { CachedRow } from '../desired/desired-network';
import { planAwlanNodeColumns } from './awlan-node-plan';

const SCHEMA = DatabaseSchema.parse({
  name: 'Open_vSwitch',
  version: '1.0.0',
  tables: { AWLAN_Node: { columns: { min_backoff: { type: 'integer' }, max_backoff: { type: 'integer' }, mqtt_settings: { type: { key: 'string', value: 'string', min: 0, max: 'unlimited' } } }, isRoot: true } },
});
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('planAwlanNodeColumns', () => {
  it('writes all the desired columns to each row where any one differs, by uuid, and skips rows that agree', () => {
    const rows: CachedRow[] = [
      { _uuid: uuid(1), min_backoff: 1, max_backoff: 60 },
      { _uuid: uuid(2), min_backoff: 1, max_backoff: 5 },
    ];
    expect(planAwlanNodeColumns({ min_backoff: 1, max_backoff: 5 }, rows, SCHEMA)).toEqual([{ op: 'update', table: 'AWLAN_Node', where: [['_uuid', '==', ['uuid', uuid(1)]]], row: { min_backoff: 1, max_backoff: 5 } }]);
  });

  it('compares as OpenSync does: a map in another order is the same map', () => {
    const row: CachedRow = { _uuid: uuid(1), mqtt_settings: new Map([['qos', '0'], ['broker', 'b']]) };
    expect(planAwlanNodeColumns({ mqtt_settings: new Map([['broker', 'b'], ['qos', '0']]) }, [row], SCHEMA)).toEqual([]);
  });

  it('plans nothing when the device schema lacks any of the columns', () => {
    expect(planAwlanNodeColumns({ min_backoff: 1, upgrade_timer: 5 }, [{ _uuid: uuid(1), min_backoff: 30 }], SCHEMA)).toEqual([]);
  });
});
