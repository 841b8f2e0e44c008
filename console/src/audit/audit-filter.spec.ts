import { matchesAudit } from './audit-filter';

const row = { actorEmail: 'Admin@Tenant.test', action: 'wifiNetwork.create', objectType: 'wifiNetwork', objectId: 'n1', at: '2026-03-04T10:00:00.000Z' };
const none = { who: '', what: '', from: '', to: '' };

describe('matchesAudit', () => {
  it('filters by who, what and day, inclusive', () => {
    expect(matchesAudit(row, none)).toBe(true);
    expect(matchesAudit(row, { ...none, who: 'admin@' })).toBe(true);
    expect(matchesAudit(row, { ...none, who: 'support' })).toBe(false);
    expect(matchesAudit(row, { ...none, what: 'network.CREATE' })).toBe(true);
    expect(matchesAudit(row, { ...none, from: '2026-03-04', to: '2026-03-04' })).toBe(true);
    expect(matchesAudit(row, { ...none, from: '2026-03-05' })).toBe(false);
    expect(matchesAudit(row, { ...none, to: '2026-03-03' })).toBe(false);
  });
});
