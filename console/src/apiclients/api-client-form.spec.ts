import { awaitsApproval, splitList } from './api-client-form';

describe('API client form', () => {
  it('splits scopes and URIs on spaces, commas and lines, without duplicates', () => {
    expect(splitList(' a, b\nc  a ')).toEqual(['a', 'b', 'c']);
    expect(splitList('  ')).toEqual([]);
  });

  it('awaits approval while sensitive scopes (a justification) are not approved', () => {
    expect(awaitsApproval({ justification: 'field support', sensitiveApprovedAt: null })).toBe(true);
    expect(awaitsApproval({ justification: 'field support', sensitiveApprovedAt: '2026-01-01T00:00:00Z' })).toBe(false);
    expect(awaitsApproval({ justification: null, sensitiveApprovedAt: null })).toBe(false);
  });
});
