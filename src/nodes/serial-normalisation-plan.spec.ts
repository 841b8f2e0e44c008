import { planSerialNormalisation } from './serial-normalisation-plan';

const row = (id: string, serial: string, claimed = false, seenAt = 0) => ({ id, serial, claimed, seenAt });

describe('serial normalisation plan', () => {
  it('upper-cases and trims a lone row', () => {
    expect(planSerialNormalisation([row('a', ' sn-1'), row('b', 'SN-2')])).toEqual({ deletes: [], updates: [{ id: 'a', serial: 'SN-1' }], conflicts: [] });
  });

  it('keeps the claimed row of a duplicate and deletes the unclaimed one', () => {
    const plan = planSerialNormalisation([row('phantom', 'SN-1', false, 9), row('claimed', 'sn-1', true, 1)]);
    expect(plan).toEqual({ deletes: ['phantom'], updates: [{ id: 'claimed', serial: 'SN-1' }], conflicts: [] });
  });

  it('keeps the canonical, then the most recently seen, of unclaimed duplicates', () => {
    expect(planSerialNormalisation([row('a', 'sn-1', false, 5), row('b', 'SN-1', false, 1)]).deletes).toEqual(['a']);
    const plan = planSerialNormalisation([row('a', 'sn-1', false, 5), row('b', 'Sn-1', false, 7)]);
    expect(plan).toEqual({ deletes: ['a'], updates: [{ id: 'b', serial: 'SN-1' }], conflicts: [] });
  });

  it('leaves a second claimed row alone and reports it', () => {
    const plan = planSerialNormalisation([row('a', 'sn-1', true, 5), row('b', 'SN-1', true, 1)]);
    expect(plan).toEqual({ deletes: [], updates: [], conflicts: [{ id: 'a', serial: 'sn-1', canonical: 'SN-1' }] });
  });

  it('deletes unclaimed rows whose serial is no serial, keeps claimed ones', () => {
    const plan = planSerialNormalisation([row('a', 'SN\nforged'), row('b', 'x y', true)]);
    expect(plan).toEqual({ deletes: ['a'], updates: [], conflicts: [] });
  });
});
