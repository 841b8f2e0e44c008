// The audit log: who did what when, newest first, filterable.

import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorNote, formatTime, Loading, PageTitle } from '../ui/ui';
import { matchesAudit, type AuditFilter } from './audit-filter';

const AuditQuery = graphql(`
  query ConsoleAudit($first: Int!, $objectId: ID) {
    auditEvents(first: $first, objectId: $objectId) {
      totalCount
      pageInfo {
        hasNextPage
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
  const [filter, setFilter] = useState<AuditFilter>({ who: '', what: '', from: '', to: '' });
  const [objectId, setObjectId] = useState('');
  const [first, setFirst] = useState(50);
  const [{ data, fetching, error }] = useQuery({ query: AuditQuery, variables: { first, objectId: objectId.trim() === '' ? undefined : objectId.trim() } });
  const rows = (data?.auditEvents.edges ?? []).map((e) => e.node).filter((r) => matchesAudit(r, filter));
  const set = (key: keyof AuditFilter, value: string): void => setFilter((f) => ({ ...f, [key]: value }));
  return (
    <section>
      <PageTitle>Audit log</PageTitle>
      <form className="filters" role="search" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <label>
          Who <input value={filter.who} onChange={(e) => set('who', e.target.value)} placeholder="email" />
        </label>
        <label>
          What <input value={filter.what} onChange={(e) => set('what', e.target.value)} placeholder="action or object" />
        </label>
        <label>
          Object id <input value={objectId} onChange={(e) => setObjectId(e.target.value)} />
        </label>
        <label>
          From <input type="date" value={filter.from} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label>
          To <input type="date" value={filter.to} onChange={(e) => set('to', e.target.value)} />
        </label>
      </form>
      <ErrorNote error={error} />
      {data === undefined && fetching && <Loading what="audit events" />}
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
            {rows.map((r) => (
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
          </tbody>
        </table>
      </div>
      <p className="muted">
        {rows.length} shown of {data?.auditEvents.edges.length ?? 0} loaded, newest first ({data?.auditEvents.totalCount ?? 0} in all).
      </p>
      {data?.auditEvents.pageInfo.hasNextPage && first < 100 && (
        <button type="button" onClick={() => setFirst(100)}>
          Load more
        </button>
      )}
    </section>
  );
}
