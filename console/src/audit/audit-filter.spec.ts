import { auditVariables, startOfDay } from './audit-filter';

const none = { who: '', what: '', from: '', to: '', objectId: '' };

describe('auditVariables', () => {
  it('sends only the filled-in fields', () => {
    expect(auditVariables(none)).toEqual({});
    expect(auditVariables({ ...none, who: ' anna@ ', what: 'customer.' })).toEqual({ actor: 'anna@', action: 'customer.' });
  });

  it('includes both days, from local midnight to the next', () => {
    const v = auditVariables({ ...none, from: '2026-03-04', to: '2026-03-04' });
    expect(v.from).toBe(new Date(2026, 2, 4).toISOString());
    expect(v.to).toBe(new Date(2026, 2, 5).toISOString());
    expect(startOfDay('2026-12-31', 1)).toBe(new Date(2027, 0, 1).toISOString());
  });

  it('ignores an object id until it is a whole UUID (the API refuses anything else)', () => {
    expect(auditVariables({ ...none, objectId: '5b606f4c-a8b9' })).toEqual({});
    expect(auditVariables({ ...none, objectId: '5b606f4c-a8b9-4e54-8d3c-5411af6923f7' })).toEqual({ objectId: '5b606f4c-a8b9-4e54-8d3c-5411af6923f7' });
  });
});
