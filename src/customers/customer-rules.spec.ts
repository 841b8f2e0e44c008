import { emailKey, refuseChangeOf, transitionCustomer, validateCustomerFields } from './customer-rules';
import { CustomerStatus } from './customer-status';

const { ACTIVE, SUSPENDED, TERMINATED } = CustomerStatus;

describe('customer rules', () => {
  it('allow suspend from ACTIVE, resume from SUSPENDED, terminate from both', () => {
    expect(transitionCustomer(ACTIVE, 'suspend')).toEqual({ status: SUSPENDED });
    expect(transitionCustomer(SUSPENDED, 'resume')).toEqual({ status: ACTIVE });
    expect(transitionCustomer(ACTIVE, 'terminate')).toEqual({ status: TERMINATED });
    expect(transitionCustomer(SUSPENDED, 'terminate')).toEqual({ status: TERMINATED });
  });

  it('refuse every other transition, and any change of a terminated customer', () => {
    expect(transitionCustomer(SUSPENDED, 'suspend')).toEqual({ refused: 'cannot suspend a customer that is SUSPENDED' });
    expect(transitionCustomer(ACTIVE, 'resume')).toHaveProperty('refused');
    expect(transitionCustomer(TERMINATED, 'resume')).toHaveProperty('refused');
    expect(transitionCustomer(TERMINATED, 'terminate')).toHaveProperty('refused');
    expect(refuseChangeOf(TERMINATED)).toMatch(/TERMINATED/);
    expect(refuseChangeOf(SUSPENDED)).toBeUndefined();
  });

  it('validate the fields that were sent', () => {
    expect(validateCustomerFields({ name: 'Ann', email: 'ann@example.com' }, ['name', 'email'])).toEqual([]);
    expect(validateCustomerFields({}, ['name', 'email']).map((e) => e.field)).toEqual(['name', 'email']);
    const fields = validateCustomerFields({ name: '', email: 'nope', accountId: '', partnerId: 'p'.repeat(101), password: 'short' });
    expect(fields.map((e) => e.field)).toEqual(['name', 'email', 'accountId', 'partnerId', 'password']);
    expect(validateCustomerFields({ accountId: null, password: null })).toEqual([]);
  });

  it('compare emails case-insensitively', () => {
    expect(emailKey(' Ann@Example.COM ')).toBe('ann@example.com');
  });
});
