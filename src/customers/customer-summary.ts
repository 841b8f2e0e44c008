// What the audit trail keeps of a customer (never the password hash, only whether one is set).

import { Customer } from './customer.entity';

export function customerSummary(c: Customer): Record<string, unknown> {
  return {
    name: c.name,
    email: c.email,
    accountId: c.accountId,
    partnerId: c.partnerId,
    emailVerified: c.emailVerified,
    onboardingCompletedAt: c.onboardingCompletedAt,
    status: c.status,
    hasPassword: c.passwordHash !== null,
  };
}
