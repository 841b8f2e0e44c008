// API clients (OAuth) of the caller's groups: list, register (the secret shown once),
// delete; platform admins approve sensitive scopes.

import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { isPlatformAdmin } from '../auth/session';
import { useRole } from '../auth/SessionContext';
import { graphql } from '../gql';
import { Badge, ConfirmDialog, ErrorNote, formatTime, Loading, PageTitle } from '../ui/ui';
import { awaitsApproval } from './api-client-form';
import { RegisterApiClientForm } from './RegisterApiClientForm';

const ClientsQuery = graphql(`
  query ConsoleApiClients($platform: Boolean!) {
    apiClients {
      id
      clientId
      name
      groupId
      confidential
      scopes
      redirectUris
      justification
      sensitiveApprovedAt
      createdAt
    }
    me {
      id
      groups {
        id
        name
      }
    }
    groups(first: 100) @include(if: $platform) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);
const Delete = graphql(`mutation ConsoleDeleteApiClient($id: ID!) { deleteApiClient(id: $id) }`);
const Approve = graphql(`mutation ConsoleApproveApiClient($id: ID!) { approveApiClientScopes(id: $id) { id sensitiveApprovedAt } }`);

export function ApiClientsPage() {
  const role = useRole();
  const platform = isPlatformAdmin(role);
  const [{ data, fetching, error }, refetch] = useQuery({ query: ClientsQuery, variables: { platform } });
  const [deleting, setDeleting] = useState<{ id: string; name: string } | undefined>();
  const [deleted, doDelete] = useMutation(Delete);
  const [approved, doApprove] = useMutation(Approve);
  if (data === undefined) return fetching ? <Loading what="API clients" /> : <ErrorNote error={error} />;
  const groups = platform ? (data.groups?.edges.map((e) => e.node) ?? []) : data.me.groups;
  const groupName = (id: string): string => groups.find((g) => g.id === id)?.name ?? id;
  const reload = (): void => refetch({ requestPolicy: 'network-only' });
  return (
    <section>
      <PageTitle>API clients</PageTitle>
      <h2>Register a client</h2>
      <RegisterApiClientForm groups={groups} onRegistered={reload} />
      <h2>Clients</h2>
      <ErrorNote error={deleted.error ?? approved.error} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Group</th>
              <th scope="col">Scopes</th>
              <th scope="col">Registered</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.apiClients.map((c) => (
              <tr key={c.id} data-client={c.clientId}>
                <th scope="row">
                  {c.name} <code>{c.clientId}</code> <Badge tone="muted">{c.confidential ? 'confidential' : 'public'}</Badge>
                </th>
                <td>{groupName(c.groupId)}</td>
                <td>
                  {c.scopes.join(', ')}
                  {awaitsApproval(c) && (
                    <>
                      {' '}
                      <Badge tone="warn">sensitive scopes await approval</Badge>
                      <br />
                      <span className="muted">Why: {c.justification}</span>
                    </>
                  )}
                </td>
                <td>{formatTime(c.createdAt)}</td>
                <td>
                  <div className="actions">
                    {platform && awaitsApproval(c) && (
                      <button type="button" className="small" disabled={approved.fetching} onClick={() => void doApprove({ id: c.id }).then(reload)}>
                        Approve scopes
                      </button>
                    )}
                    <button type="button" className="small" aria-label={`Delete ${c.name}`} onClick={() => setDeleting({ id: c.id, name: c.name })}>
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
            {data.apiClients.length === 0 && (
              <tr>
                <td colSpan={5}>No API client yet.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {deleting !== undefined && (
        <ConfirmDialog
          title={`Delete ${deleting.name}?`}
          confirmLabel="Delete"
          danger
          busy={deleted.fetching}
          onCancel={() => setDeleting(undefined)}
          onConfirm={() =>
            void doDelete({ id: deleting.id }).then(() => {
              setDeleting(undefined);
              reload();
            })
          }
        >
          <p>The client ends at once: its tokens are refused and its customers' consents deleted. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
