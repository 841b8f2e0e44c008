// A customer: account state, locations (with their nodes and networks at a glance) and, for
// admins, the account actions and unclaiming a node for RMA, each confirmed first.

import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { href, type Params } from '../app/router';
import { useRole } from '../auth/SessionContext';
import { canEdit } from '../auth/session';
import { graphql } from '../gql';
import { Badge, ConfirmDialog, ErrorNote, formatTime, Loading, PageTitle } from '../ui/ui';
import { availableActions, customerActionText, type CustomerAction } from './customer-actions';
import { UnclaimNodeButton } from './UnclaimNodeButton';

const CustomerQuery = graphql(`
  query ConsoleCustomer($id: ID!) {
    customer(id: $id) {
      id
      name
      email
      accountId
      partnerId
      status
      emailVerified
      onboardingCompletedAt
      createdAt
      locations {
        id
        name
        serviceId
        address {
          street
          city
          postalCode
          country
        }
        nodes {
          id
          serial
          model
          connected
        }
        wifiNetworks {
          id
          status {
            overall
          }
        }
      }
    }
  }
`);

const Suspend = graphql(`mutation ConsoleSuspendCustomer($id: ID!) { suspendCustomer(id: $id) { id status } }`);
const Resume = graphql(`mutation ConsoleResumeCustomer($id: ID!) { resumeCustomer(id: $id) { id status } }`);
const Terminate = graphql(`mutation ConsoleTerminateCustomer($id: ID!) { terminateCustomer(id: $id) { id status } }`);
const VerifyEmail = graphql(`mutation ConsoleVerifyEmail($id: ID!) { verifyCustomerEmail(id: $id) { id emailVerified } }`);
const CompleteOnboarding = graphql(`mutation ConsoleCompleteOnboarding($customerId: ID!) { completeOnboarding(customerId: $customerId) { id onboardingCompletedAt } }`);

export function CustomerPage({ params }: { params: Params }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: CustomerQuery, variables: { id: params.id } });
  const role = useRole();
  const [pending, setPending] = useState<CustomerAction | undefined>();
  const [suspend, doSuspend] = useMutation(Suspend);
  const [resume, doResume] = useMutation(Resume);
  const [terminate, doTerminate] = useMutation(Terminate);
  const [verify, doVerify] = useMutation(VerifyEmail);
  const [onboard, doOnboard] = useMutation(CompleteOnboarding);
  const [actionError, setActionError] = useState<typeof error>();

  const customer = data?.customer;
  if (customer === undefined) return fetching ? <Loading what="customer" /> : <ErrorNote error={error} />;
  const nodeCount = customer.locations.reduce((n, l) => n + l.nodes.length, 0);
  const actions = canEdit(role) ? availableActions(customer.status, customer.emailVerified, customer.onboardingCompletedAt != null, customer.email != null) : [];
  const busy = suspend.fetching || resume.fetching || terminate.fetching || verify.fetching || onboard.fetching;

  const run = async (action: CustomerAction): Promise<void> => {
    const id = customer.id;
    const result =
      action === 'suspend' ? await doSuspend({ id })
      : action === 'resume' ? await doResume({ id })
      : action === 'terminate' ? await doTerminate({ id })
      : action === 'verifyEmail' ? await doVerify({ id })
      : await doOnboard({ customerId: id });
    setActionError(result.error);
    setPending(undefined);
    refetch({ requestPolicy: 'network-only' });
  };

  const text = pending !== undefined ? customerActionText(pending, customer.name, customer.locations.length, nodeCount) : undefined;
  return (
    <section>
      <PageTitle sub={[customer.email, customer.accountId !== null && customer.accountId !== undefined ? `account ${customer.accountId}` : undefined].filter(Boolean).join(' · ')}>
        {customer.name}
      </PageTitle>
      <dl className="facts">
        <div>
          <dt>Account</dt>
          <dd>
            <Badge tone={customer.status === 'ACTIVE' ? 'ok' : customer.status === 'SUSPENDED' ? 'warn' : 'bad'}>{customer.status.toLowerCase()}</Badge>
          </dd>
        </div>
        <div>
          <dt>Onboarding</dt>
          <dd>{customer.onboardingCompletedAt != null ? `complete since ${formatTime(customer.onboardingCompletedAt)}` : <Badge tone="warn">not complete</Badge>}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{customer.email == null ? '—' : customer.emailVerified ? <Badge tone="ok">verified</Badge> : <Badge tone="warn">not verified</Badge>}</dd>
        </div>
        <div>
          <dt>Customer since</dt>
          <dd>{formatTime(customer.createdAt)}</dd>
        </div>
      </dl>
      {actions.length > 0 && (
        <div className="actions" role="group" aria-label="Account actions">
          {actions.map((a) => {
            const t = customerActionText(a, customer.name, customer.locations.length, nodeCount);
            return (
              <button key={a} type="button" className={t.danger ? 'danger' : undefined} onClick={() => setPending(a)}>
                {t.label}
              </button>
            );
          })}
        </div>
      )}
      <ErrorNote error={actionError} />
      {pending !== undefined && text !== undefined && (
        <ConfirmDialog title={text.title} confirmLabel={text.label} danger={text.danger} busy={busy} onCancel={() => setPending(undefined)} onConfirm={() => void run(pending)}>
          <p>{text.consequence}</p>
        </ConfirmDialog>
      )}
      <h2>Locations</h2>
      {customer.locations.length === 0 && <p>No location.</p>}
      <ul className="cards">
        {customer.locations.map((l) => {
          const online = l.nodes.filter((n) => n.connected).length;
          const applied = l.wifiNetworks.filter((w) => w.status.overall === 'APPLIED').length;
          return (
            <li key={l.id} className="card">
              <h3>
                <a href={href('/locations/:id', { id: l.id })}>{l.name}</a>
              </h3>
              <p className="muted">
                {[l.serviceId != null ? `serviceId ${l.serviceId}` : undefined, [l.address.street, l.address.city].filter(Boolean).join(', ') || undefined].filter(Boolean).join(' · ')}
              </p>
              <p>
                {online}/{l.nodes.length} nodes online · {applied}/{l.wifiNetworks.length} networks applied
              </p>
              {l.nodes.length > 0 && (
                <ul className="plain">
                  {l.nodes.map((n) => (
                    <li key={n.id}>
                      <Badge tone={n.connected ? 'ok' : 'muted'}>{n.connected ? 'online' : 'offline'}</Badge> <code>{n.serial}</code> {n.model ?? ''}{' '}
                      {canEdit(role) && <UnclaimNodeButton nodeId={n.id} serial={n.serial} locationName={l.name} onDone={() => refetch({ requestPolicy: 'network-only' })} />}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

