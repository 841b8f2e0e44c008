// A venue: its units and common areas (each one location) and its key pools.

import { useQuery } from 'urql';
import { href, type Params } from '../app/router';
import { graphql } from '../gql';
import { Badge, ErrorNote, Loading, PageTitle } from '../ui/ui';

const VenueQuery = graphql(`
  query ConsoleVenue($id: ID!) {
    venue(id: $id) {
      id
      name
      address
      timeZone
      units {
        id
        name
        kind
        locationId
      }
      keyPools {
        id
        name
        networks {
          networkId
        }
        keys(first: 1) {
          totalCount
        }
      }
    }
  }
`);

export function VenuePage({ params }: { params: Params }) {
  const [{ data, fetching, error }] = useQuery({ query: VenueQuery, variables: { id: params.id } });
  const venue = data?.venue;
  if (venue === undefined) return fetching ? <Loading what="the venue" /> : <ErrorNote error={error} />;
  return (
    <section>
      <PageTitle sub={`${venue.address ?? 'No address'} · ${venue.timeZone}`}>{venue.name}</PageTitle>
      <div className="two-columns">
        <div>
          <h2>Units and common areas</h2>
          <ul className="plain">
            {venue.units.map((u) => (
              <li key={u.id}>
                <a href={href('/locations/:id', { id: u.locationId })}>{u.name}</a> <Badge tone={u.kind === 'UNIT' ? 'info' : 'muted'}>{u.kind === 'UNIT' ? 'unit' : 'common area'}</Badge>
              </li>
            ))}
            {venue.units.length === 0 && <li>No unit yet.</li>}
          </ul>
        </div>
        <div>
          <h2>Key pools</h2>
          <ul className="plain">
            {venue.keyPools.map((p) => (
              <li key={p.id}>
                <a href={href('/key-pools/:id', { id: p.id })}>{p.name}</a>: {p.keys.totalCount} key{p.keys.totalCount === 1 ? '' : 's'}, on {p.networks.length} network
                {p.networks.length === 1 ? '' : 's'}
              </li>
            ))}
            {venue.keyPools.length === 0 && <li>No key pool yet.</li>}
          </ul>
        </div>
      </div>
    </section>
  );
}
