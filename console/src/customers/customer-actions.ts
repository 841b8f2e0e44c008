// The admin actions on a customer and what the confirmation says will happen; which are
// offered depends on the customer's state (the API refuses the others too).

export type CustomerStatus = 'ACTIVE' | 'SUSPENDED' | 'TERMINATED';
export type CustomerAction = 'suspend' | 'resume' | 'terminate' | 'verifyEmail' | 'completeOnboarding';

export interface ActionText {
  label: string;
  title: string;
  consequence: string;
  danger: boolean;
}

export function customerActionText(action: CustomerAction, name: string, locationCount: number, nodeCount: number): ActionText {
  const nodes = `${nodeCount} node${nodeCount === 1 ? '' : 's'}`;
  const locations = `${locationCount} location${locationCount === 1 ? '' : 's'}`;
  switch (action) {
    case 'suspend':
      return {
        label: 'Suspend',
        title: `Suspend ${name}?`,
        consequence: `Every WiFi network of ${locations} is turned off on ${nodes} until the customer is resumed. Nothing is deleted.`,
        danger: true,
      };
    case 'resume':
      return { label: 'Resume', title: `Resume ${name}?`, consequence: `The WiFi networks come back on ${nodes}.`, danger: false };
    case 'terminate':
      return {
        label: 'Terminate',
        title: `Terminate ${name}?`,
        consequence: `The service is cancelled for good: ${nodes} will be unclaimed and every network of ${locations} removed. This cannot be undone.`,
        danger: true,
      };
    case 'verifyEmail':
      return { label: 'Mark email verified', title: `Mark the email of ${name} verified?`, consequence: 'Use this only when you have confirmed the address with the customer.', danger: false };
    case 'completeOnboarding':
      return { label: 'Complete onboarding', title: `Complete onboarding of ${name}?`, consequence: 'The onboarding is recorded as complete now (the first time is kept).', danger: false };
  }
}

export function availableActions(status: CustomerStatus, emailVerified: boolean, onboarded: boolean, hasEmail: boolean): CustomerAction[] {
  if (status === 'TERMINATED') return [];
  const actions: CustomerAction[] = [status === 'ACTIVE' ? 'suspend' : 'resume', 'terminate'];
  if (hasEmail && !emailVerified) actions.push('verifyEmail');
  if (!onboarded) actions.push('completeOnboarding');
  return actions;
}
