// The audit log: who did what when, newest first, filtered by the API (who, what, when,
// object) as the agent types.

import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useDebounced } from '../ui/use-debounced';
import { ErrorNote, formatTime, Loading, PageTitle } from '../ui/ui';
import { auditVariables, type AuditFilter } from './audit-filter';

const AuditQuery = graphql(`
  query ConsoleAudit($after: String, $objectId: ID, $actor: String, $action: String, $from: DateTime, $to: DateTime) {
    auditEvents(first: 50, after: $after, objectId: $objectId, actor: $actor, action: $action, from: $from, to: $to) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          actorEmail
          action
          objectType
          objectId
        }
      }
    }
  }
`);

export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({ who: '', what: '', from: '', to: '', objectId: '' });
  const [after, setAfter] = useState<string | undefined>();
  const variables = auditVariables(useDebounced(filter, 250));
  const [{ data, fetching, error }] = useQuery({ query: AuditQuery, variables: { ...variables, after } });
  const set = (key: keyof AuditFilter, value: string): void => {
    setAfter(undefined);
    setFilter((f) => ({ ...f, [key]: value }));
  };
  const page = data?.auditEvents;
  return (
    <section>
      <PageTitle>Audit log</PageTitle>
      <form className="filters" role="search" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <label>
          Who <input value={filter.who} onChange={(e) => set('who', e.target.value)} placeholder="part of an email" />
        </label>
        <label>
          What <input value={filter.what} onChange={(e) => set('what', e.target.value)} placeholder="customer.suspend or customer." />
        </label>
        <label>
          Object id <input value={filter.objectId} onChange={(e) => set('objectId', e.target.value)} spellCheck={false} />
        </label>
        <label>
          From <input type="date" value={filter.from} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label>
          To <input type="date" value={filter.to} onChange={(e) => set('to', e.target.value)} />
        </label>
      </form>
      <ErrorNote error={error} />
      {page === undefined && fetching && <Loading what="audit events" />}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Object</th>
            </tr>
          </thead>
          <tbody>
            {(page?.edges ?? []).map(({ node: r }) => (
              <tr key={r.id}>
                <td>{formatTime(r.at)}</td>
                <td>{r.actorEmail}</td>
                <td>
                  <code>{r.action}</code>
                </td>
                <td>
                  {r.objectType} <code className="muted">{r.objectId}</code>
                </td>
              </tr>
            ))}
            {page !== undefined && page.edges.length === 0 && (
              <tr>
                <td colSpan={4}>No event matches.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <p className="muted" aria-live="polite">
        {page !== undefined ? `${page.totalCount} event${page.totalCount === 1 ? '' : 's'} match.` : ''}
      </p>
      <div className="actions">
        {after !== undefined && (
          <button type="button" onClick={() => setAfter(undefined)}>
            Newest
          </button>
        )}
        {page?.pageInfo.hasNextPage && (
          <button type="button" onClick={() => setAfter(page.pageInfo.endCursor ?? undefined)}>
            Older events
          </button>
        )}
      </div>
    </section>
  );
}
