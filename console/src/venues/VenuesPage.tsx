// The venues of the caller's groups (buildings, campuses), by name, a page at a time, with
// their group, units and key pools. The API lists the venues of all the caller's groups at
// once (it has no group filter); the group of each is shown.

import { useState } from 'react';
import { useQuery } from 'urql';
import { isPlatformAdmin } from '../auth/session';
import { useRole } from '../auth/SessionContext';
import { href } from '../app/router';
import { graphql } from '../gql';
import { ErrorNote, Loading, PageTitle } from '../ui/ui';
import { CursorPager } from './Pager';
import { cursorWindow, type Cursor } from './venue-layout';

const VenuesQuery = graphql(`
  query ConsoleVenues($first: Int, $after: String, $last: Int, $before: String, $platform: Boolean!) {
    venues(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          groupId
          name
          address
          timeZone
          units {
            id
            kind
          }
          keyPools {
            id
          }
        }
      }
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

const PAGE = 50;

export function VenuesPage() {
  const platform = isPlatformAdmin(useRole());
  const [cursor, setCursor] = useState<Cursor>({});
  const variables = { ...cursorWindow(cursor, PAGE), platform };
  const [{ data, fetching, error }] = useQuery({ query: VenuesQuery, variables });
  if (data === undefined) return fetching ? <Loading what="venues" /> : <ErrorNote error={error} />;
  const venues = data.venues.edges.map((e) => e.node);
  const groups = new Map([...(data.groups?.edges.map((e) => e.node) ?? []), ...data.me.groups].map((g) => [g.id, g.name]));
  return (
    <section>
      <PageTitle>Venues</PageTitle>
      <p className="muted">
        {data.venues.totalCount} venue{data.venues.totalCount === 1 ? '' : 's'} in your groups, by name.
      </p>
      <div className="table-wrap">
        <table aria-label="Venues">
          <thead>
            <tr>
              <th scope="col">Venue</th>
              <th scope="col">Group</th>
              <th scope="col">Address</th>
              <th scope="col">Units</th>
              <th scope="col">Common areas</th>
              <th scope="col">Key pools</th>
            </tr>
          </thead>
          <tbody>
            {venues.map((v) => {
              const units = v.units.filter((u) => u.kind === 'UNIT').length;
              return (
                <tr key={v.id}>
                  <th scope="row">
                    <a href={href('/venues/:id', { id: v.id })}>{v.name}</a>
                  </th>
                  <td>{groups.get(v.groupId) ?? '—'}</td>
                  <td>{v.address ?? '—'}</td>
                  <td>{units}</td>
                  <td>{v.units.length - units}</td>
                  <td>{v.keyPools.length}</td>
                </tr>
              );
            })}
            {venues.length === 0 && (
              <tr>
                <td colSpan={6}>No venue in your groups.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <CursorPager label="Pages of venues" info={data.venues.pageInfo} onCursor={setCursor} />
    </section>
  );
}
