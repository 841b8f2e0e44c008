// Device operations of the caller's groups, newest first, with progress.

import { useState } from 'react';
import { useQuery } from 'urql';
import { href } from '../app/router';
import { graphql } from '../gql';
import { ErrorNote, formatTime, Loading, PageTitle } from '../ui/ui';
import { KIND_WORDS, progressOf } from './operation-words';

const OperationsQuery = graphql(`
  query ConsoleOperations($after: String, $filter: DeviceOperationsFilter) {
    deviceOperations(first: 25, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          state
          createdAt
          createdByEmail
          targetCount
          progress {
            state
            count
          }
        }
      }
    }
  }
`);

function locationOfHash(): string | undefined {
  const query = window.location.hash.split('?')[1];
  return query !== undefined ? (new URLSearchParams(query).get('location') ?? undefined) : undefined;
}

export function OperationsPage() {
  const [after, setAfter] = useState<string | undefined>();
  const locationId = locationOfHash();
  const [{ data, fetching, error }] = useQuery({ query: OperationsQuery, variables: { after, filter: locationId !== undefined ? { locationId } : undefined } });
  const page = data?.deviceOperations;
  return (
    <section>
      <PageTitle sub={locationId !== undefined ? 'of one location' : undefined}>Device operations</PageTitle>
      <ErrorNote error={error} />
      {page === undefined ? (
        fetching && <Loading what="operations" />
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Operation</th>
                <th scope="col">State</th>
                <th scope="col">Progress</th>
                <th scope="col">Started by</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {page.edges.map(({ node: op }) => {
                const p = progressOf(op.progress);
                return (
                  <tr key={op.id}>
                    <th scope="row">
                      <a href={href('/operations/:id', { id: op.id })}>
                        {KIND_WORDS[op.kind] ?? op.kind}, {op.targetCount} node{op.targetCount === 1 ? '' : 's'}
                      </a>
                    </th>
                    <td>{op.state.toLowerCase()}</td>
                    <td>
                      <progress max={100} value={p.percent} aria-label={`${p.done} of ${p.total} finished`} /> {p.done}/{p.total}
                      {p.failed > 0 ? `, ${p.failed} failed` : ''}
                    </td>
                    <td>{op.createdByEmail}</td>
                    <td>{formatTime(op.createdAt)}</td>
                  </tr>
                );
              })}
              {page.edges.length === 0 && (
                <tr>
                  <td colSpan={5}>No operation yet. Start one from a node&apos;s page.</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      {page?.pageInfo.hasNextPage && (
        <button type="button" onClick={() => setAfter(page.pageInfo.endCursor ?? undefined)}>
          Older operations
        </button>
      )}
    </section>
  );
}
