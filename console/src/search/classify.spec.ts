import { moveHighlight, normaliseMac, planSearch } from './classify';

describe('planSearch', () => {
  it('asks nothing for less than two characters', () => {
    expect(planSearch(' a ')).toEqual({});
  });

  it('looks a word up as customer, serial prefix and service id', () => {
    expect(planSearch('ACC-1234')).toEqual({ customers: 'ACC-1234', serialPrefix: 'ACC-1234', serviceId: 'ACC-1234' });
  });

  it('a text with spaces or @ is a name or email only', () => {
    expect(planSearch('Anna Schmidt')).toEqual({ customers: 'Anna Schmidt' });
    expect(planSearch('anna@example.com')).toEqual({ customers: 'anna@example.com' });
  });

  it('a MAC in any spelling is looked up as a client, not as a serial prefix', () => {
    expect(planSearch('AA-BB-CC-00-11-22')).toMatchObject({ mac: 'aa:bb:cc:00:11:22' });
    expect(planSearch('aabbcc001122').mac).toBe('aa:bb:cc:00:11:22');
    expect(planSearch('aa:bb:cc:00:11:22').serialPrefix).toBeUndefined();
  });

  it('short tokens are not serial prefixes', () => {
    expect(planSearch('ab').serialPrefix).toBeUndefined();
  });
});

describe('normaliseMac', () => {
  it('refuses what is not six hex octets', () => {
    expect(normaliseMac('aa:bb:cc:00:11')).toBeUndefined();
    expect(normaliseMac('gg:bb:cc:00:11:22')).toBeUndefined();
  });
});

describe('moveHighlight', () => {
  it('wraps at both ends and starts at the first result', () => {
    expect(moveHighlight(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveHighlight(2, 3, 'ArrowDown')).toBe(0);
    expect(moveHighlight(0, 3, 'ArrowUp')).toBe(2);
    expect(moveHighlight(-1, 3, 'ArrowUp')).toBe(2);
    expect(moveHighlight(1, 3, 'End')).toBe(2);
    expect(moveHighlight(1, 0, 'ArrowDown')).toBe(-1);
  });
});
