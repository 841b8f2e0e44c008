// Users (group admins: their groups' users; platform admins: everyone), creating users, and
// ending a user's sessions (a lost laptop).

import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useRole } from '../auth/SessionContext';
import { graphql } from '../gql';
import { ConfirmDialog, ErrorNote, formatTime, Loading, PageTitle } from '../ui/ui';
import { NewUserForm } from './NewUserForm';

const UsersQuery = graphql(`
  query ConsoleUsers($platform: Boolean!) {
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
    users(first: 100) {
      totalCount
      edges {
        node {
          id
          email
          role
          createdAt
          groups {
            id
            name
          }
        }
      }
    }
  }
`);

const RevokeSessions = graphql(`mutation ConsoleRevokeSessions($id: ID!) { revokeUserSessions(id: $id) { id } }`);

export function UsersPage() {
  const role = useRole();
  const [{ data, fetching, error }, refetch] = useQuery({ query: UsersQuery, variables: { platform: role === 'PLATFORM_ADMIN' } });
  const [revoking, setRevoking] = useState<{ id: string; email: string } | undefined>();
  const [revoked, revoke] = useMutation(RevokeSessions);
  const groups = role === 'PLATFORM_ADMIN' ? (data?.groups?.edges.map((e) => e.node) ?? []) : (data?.me.groups ?? []);
  return (
    <section>
      <PageTitle>Users</PageTitle>
      <ErrorNote error={error ?? revoked.error} />
      {data === undefined && fetching && <Loading what="users" />}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Groups</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(data?.users.edges ?? []).map(({ node: u }) => (
              <tr key={u.id}>
                <th scope="row">{u.email}</th>
                <td>{u.role.toLowerCase().replace(/_/g, ' ')}</td>
                <td>{u.groups.map((g) => g.name).join(', ')}</td>
                <td>{formatTime(u.createdAt)}</td>
                <td>
                  {u.id !== data?.me.id && (
                    <button type="button" className="small" onClick={() => setRevoking({ id: u.id, email: u.email })} aria-label={`End the sessions of ${u.email}`}>
                      End sessions
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data !== undefined && <NewUserForm callerRole={role} groups={groups} onCreated={() => refetch({ requestPolicy: 'network-only' })} />}
      {revoking !== undefined && (
        <ConfirmDialog
          title={`End the sessions of ${revoking.email}?`}
          confirmLabel="End sessions"
          danger
          busy={revoked.fetching}
          onCancel={() => setRevoking(undefined)}
          onConfirm={() => void revoke({ id: revoking.id }).then(() => setRevoking(undefined))}
        >
          <p>Every browser and token of this user stops working now; they must log in again.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
