import { checkAssignedValues, likePrefix, planAssignmentNormalisation } from './serial-assignment-rules';

describe('serial assignment rules', () => {
  it('refuses prefixes shorter than four characters and values that are no serial', () => {
    expect(checkAssignedValues(['OK01', 'bad serial'], ['ABC'])).toEqual([
      { field: 'serials[1]', message: expect.any(String) },
      { field: 'prefixes[0]', message: 'must be at least 4 characters long' },
    ]);
  });

  it('escapes LIKE wildcards in a prefix', () => {
    expect(likePrefix('AB_C%')).toBe('AB\\_C\\%%');
  });

  it('keeps the canonical twin, else the oldest; deletes the others; leaves non-serials', () => {
    const plan = planAssignmentNormalisation([
      { id: 'a', kind: 'SERIAL', value: 'sn-1', createdAt: 1 },
      { id: 'b', kind: 'SERIAL', value: 'SN-1', createdAt: 9 },
      { id: 'c', kind: 'PREFIX', value: ' acme', createdAt: 5 },
      { id: 'd', kind: 'PREFIX', value: 'Acme', createdAt: 2 },
      { id: 'e', kind: 'PREFIX', value: 'SN-1', createdAt: 1 },
      { id: 'f', kind: 'SERIAL', value: 'no serial', createdAt: 1 },
    ]);
    expect(plan.deletes.sort()).toEqual(['a', 'c']);
    expect(plan.updates).toEqual([{ id: 'd', value: 'ACME' }]);
  });
});
