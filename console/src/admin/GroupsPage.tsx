// Groups (platform admins): the list and creating one.

import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorNote, formatTime, Loading, PageTitle } from '../ui/ui';
import { NewGroupForm } from './NewGroupForm';

const GroupsQuery = graphql(`
  query ConsoleGroups {
    groups(first: 100) {
      totalCount
      edges {
        node {
          id
          name
          createdAt
        }
      }
    }
  }
`);

export function GroupsPage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: GroupsQuery });
  return (
    <section>
      <PageTitle>Groups</PageTitle>
      <NewGroupForm onCreated={() => refetch({ requestPolicy: 'network-only' })} />
      <ErrorNote error={error} />
      {data === undefined && fetching && <Loading what="groups" />}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Id</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {(data?.groups.edges ?? []).map(({ node: g }) => (
              <tr key={g.id}>
                <th scope="row">{g.name}</th>
                <td>
                  <code>{g.id}</code>
                </td>
                <td>{formatTime(g.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
