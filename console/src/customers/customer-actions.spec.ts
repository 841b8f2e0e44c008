import { availableActions, customerActionText } from './customer-actions';

describe('customer actions', () => {
  it('offers what the state allows', () => {
    expect(availableActions('ACTIVE', true, true, true)).toEqual(['suspend', 'terminate']);
    expect(availableActions('SUSPENDED', false, false, true)).toEqual(['resume', 'terminate', 'verifyEmail', 'completeOnboarding']);
    expect(availableActions('ACTIVE', false, true, false)).toEqual(['suspend', 'terminate']);
    expect(availableActions('TERMINATED', false, false, true)).toEqual([]);
  });

  it('the confirmation says what will happen, with counts', () => {
    expect(customerActionText('suspend', 'Anna', 1, 2).consequence).toContain('1 location is turned off on 2 nodes');
    expect(customerActionText('terminate', 'Anna', 2, 1).consequence).toContain('1 node will be unclaimed and every network of 2 locations removed');
    expect(customerActionText('terminate', 'Anna', 2, 1).consequence).toContain('cannot be undone');
  });
});
