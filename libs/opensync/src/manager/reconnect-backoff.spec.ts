import { DatabaseSchema } from '@lib/ovsdb';
import { CachedRow } from '../desired/desired-network';
import { meanTimeToRedirectorS, planReconnectBackoff } from './reconnect-backoff';

const schema = (columns: Record<string, object>): DatabaseSchema =>
  DatabaseSchema.parse({ name: 'Open_vSwitch', version: '1.0.0', tables: { AWLAN_Node: { columns, isRoot: true } } });
const FULL = schema({ min_backoff: { type: 'integer' }, max_backoff: { type: 'integer' } });
const UUID = '00000000-0000-4000-8000-000000000001';

describe('planReconnectBackoff', () => {
  it('updates a node whose backoff differs, by its uuid, and nothing once it agrees', () => {
    const rows: CachedRow[] = [{ _uuid: UUID, min_backoff: 30, max_backoff: 60 }];
    const ops = planReconnectBackoff({ minS: 1, maxS: 5 }, rows, FULL);
    expect(ops).toEqual([{ op: 'update', table: 'AWLAN_Node', where: [['_uuid', '==', ['uuid', UUID]]], row: { min_backoff: 1, max_backoff: 5 } }]);
    expect(planReconnectBackoff({ minS: 1, maxS: 5 }, [{ _uuid: UUID, min_backoff: 1, max_backoff: 5 }], FULL)).toEqual([]);
  });

  it('leaves the device alone when switched off or when its schema has no such columns', () => {
    const rows: CachedRow[] = [{ _uuid: UUID, min_backoff: 30, max_backoff: 60 }];
    expect(planReconnectBackoff(null, rows, FULL)).toEqual([]);
    expect(planReconnectBackoff({ minS: 1, maxS: 5 }, rows, schema({ min_backoff: { type: 'integer' } }))).toEqual([]);
  });

  it('a dead manager is given up after eleven waits', () => {
    expect(meanTimeToRedirectorS({ minS: 1, maxS: 5 })).toBe(33);
  });
});
