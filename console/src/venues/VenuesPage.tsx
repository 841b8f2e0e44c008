// The venues of the caller's groups (buildings, campuses) with their units and key pools.

import { useQuery } from 'urql';
import { href } from '../app/router';
import { graphql } from '../gql';
import { ErrorNote, Loading, PageTitle } from '../ui/ui';

const VenuesQuery = graphql(`
  query ConsoleVenues {
    venues(first: 100) {
      totalCount
      edges {
        node {
          id
          name
          address
          units {
            id
          }
          keyPools {
            id
          }
        }
      }
    }
  }
`);

export function VenuesPage() {
  const [{ data, fetching, error }] = useQuery({ query: VenuesQuery });
  if (data === undefined) return fetching ? <Loading what="venues" /> : <ErrorNote error={error} />;
  const venues = data.venues.edges.map((e) => e.node);
  return (
    <section>
      <PageTitle>Venues</PageTitle>
      {data.venues.totalCount > venues.length && <p className="muted">The first {venues.length} of {data.venues.totalCount} venues, by name.</p>}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Venue</th>
              <th scope="col">Address</th>
              <th scope="col">Units</th>
              <th scope="col">Key pools</th>
            </tr>
          </thead>
          <tbody>
            {venues.map((v) => (
              <tr key={v.id}>
                <th scope="row">
                  <a href={href('/venues/:id', { id: v.id })}>{v.name}</a>
                </th>
                <td>{v.address ?? '—'}</td>
                <td>{v.units.length}</td>
                <td>{v.keyPools.length}</td>
              </tr>
            ))}
            {venues.length === 0 && (
              <tr>
                <td colSpan={4}>No venue in your groups.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
