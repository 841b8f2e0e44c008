import { CLAIM_MARGIN_MS, claimLeaseMs, claimUsable } from './delivery-claim';

describe('delivery claims', () => {
  const config = { attemptTimeoutMs: 5000 };

  it('last for the read-ahead rounds, one attempt and the margin', () => {
    expect(claimLeaseMs(config)).toBe(50_000 + CLAIM_MARGIN_MS);
  });

  it('start an attempt only while a whole attempt and the margin fit in the lease', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(claimUsable(new Date(now + claimLeaseMs(config)), now, config)).toBe(true);
    expect(claimUsable(new Date(now + 5000 + CLAIM_MARGIN_MS), now, config)).toBe(true);
    expect(claimUsable(new Date(now + 5000 + CLAIM_MARGIN_MS - 1), now, config)).toBe(false);
    expect(claimUsable(new Date(now - 1), now, config)).toBe(false);
  });
});
