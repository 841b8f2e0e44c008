// Choosing a customer of a group by name, email or account id (customers(filter: search)):
// the subscriber of a key, the property account of scratch cards, the owner of a new unit's
// location.

import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useDebounced } from '../ui/use-debounced';
import { ErrorNote } from '../ui/ui';

const CustomersQuery = graphql(`
  query ConsoleVenueCustomers($groupId: ID!, $search: String) {
    customers(first: 10, filter: { groupId: $groupId, search: $search }) {
      totalCount
      edges {
        node {
          id
          name
          email
          accountId
        }
      }
    }
  }
`);

export interface PickedCustomer {
  id: string;
  name: string;
}

export function CustomerPicker({ groupId, label, value, onChange }: { groupId: string; label: string; value: PickedCustomer | undefined; onChange(customer: PickedCustomer | undefined): void }) {
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 200);
  const [{ data, error }] = useQuery({ query: CustomersQuery, variables: { groupId, search: search === '' ? undefined : search }, pause: value !== undefined });
  const id = useId();
  if (value !== undefined) {
    return (
      <div>
        <span className="label-like">{label}</span>
        <p>
          <strong>{value.name}</strong>{' '}
          <button type="button" className="small" onClick={() => onChange(undefined)}>
            Change
          </button>
        </p>
      </div>
    );
  }
  const found = data?.customers.edges.map((e) => e.node) ?? [];
  return (
    <div>
      <label htmlFor={`${id}-search`}>{label}</label>
      <input id={`${id}-search`} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="name, email or account id" autoComplete="off" />
      <ul className="plain picker" aria-label="Matching customers">
        {found.map((c) => (
          <li key={c.id}>
            <button type="button" className="small" onClick={() => onChange({ id: c.id, name: c.name })}>
              {c.name}
            </button>{' '}
            <span className="muted">{c.email ?? c.accountId ?? ''}</span>
          </li>
        ))}
        {data !== undefined && found.length === 0 && <li className="muted">No customer matches.</li>}
        {data !== undefined && data.customers.totalCount > found.length && <li className="muted">{data.customers.totalCount - found.length} more: type more of the name.</li>}
      </ul>
      <ErrorNote error={error} />
    </div>
  );
}
