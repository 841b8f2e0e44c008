import { batchCsv, checkBatch, MAX_CARDS_PER_BATCH } from './scratch-cards.service';

const ok = { poolId: '00000000-0000-4000-8000-000000000001', customerId: '00000000-0000-4000-8000-000000000002', name: 'Week 12', count: 10, validForMinutes: 240 };

describe('scratch cards', () => {
  it('accepts a batch of 1 to 64 cards valid for at least a minute', () => {
    expect(checkBatch(ok)).toEqual([]);
    expect(checkBatch({ ...ok, count: MAX_CARDS_PER_BATCH })).toEqual([]);
    expect(checkBatch({ ...ok, count: 0, validForMinutes: 0, name: ' ' }).map((e) => e.field)).toEqual(['name', 'count', 'validForMinutes']);
    expect(checkBatch({ ...ok, count: 1.5 }).map((e) => e.field)).toEqual(['count']);
  });

  it('prints one quoted line per card, quotes doubled', () => {
    const csv = batchCsv({ name: 'Lido "VIP"', validForMinutes: 60 }, [{ slot: 7, passphrase: 'a,b"c' }]);
    expect(csv).toBe('batch,key,passphrase,valid_for_minutes\r\n"Lido ""VIP""","key-7","a,b""c","60"\r\n');
  });
});
