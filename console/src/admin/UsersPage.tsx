// Users (group admins: their groups' users; platform admins: everyone).

import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorNote, formatTime, Loading, PageTitle } from '../ui/ui';

const UsersQuery = graphql(`
  query ConsoleUsers {
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

export function UsersPage() {
  const [{ data, fetching, error }] = useQuery({ query: UsersQuery });
  return (
    <section>
      <PageTitle>Users</PageTitle>
      <ErrorNote error={error} />
      {data === undefined && fetching && <Loading what="users" />}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Groups</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {(data?.users.edges ?? []).map(({ node: u }) => (
              <tr key={u.id}>
                <th scope="row">{u.email}</th>
                <td>{u.role.toLowerCase().replace(/_/g, ' ')}</td>
                <td>{u.groups.map((g) => g.name).join(', ')}</td>
                <td>{formatTime(u.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
