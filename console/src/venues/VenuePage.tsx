// A venue: its units and common areas (each one location, shown with its customer and nodes),
// and its key pools (SSID, security, where deployed, keys). Admins add units here.

import { useState } from 'react';
import { useQuery } from 'urql';
import { canEdit } from '../auth/session';
import { useRole } from '../auth/SessionContext';
import { href, type Params } from '../app/router';
import { graphql } from '../gql';
import { Badge, ErrorNote, Loading, PageTitle } from '../ui/ui';
import { CreateUnitForm } from './CreateUnitForm';
import { Pager } from './Pager';
import { PoolSummary } from './PoolSummary';
import { UnitLocation } from './UnitLocation';
import { filterUnits, pageOf, plural } from './venue-layout';

const VenueQuery = graphql(`
  query ConsoleVenue($id: ID!) {
    venue(id: $id) {
      id
      groupId
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
        isolateKeys
        networks {
          networkId
          locationId
        }
        keys(first: 1) {
          totalCount
        }
      }
    }
  }
`);

const UNITS_PER_PAGE = 25;

export function VenuePage({ params }: { params: Params }) {
  const role = useRole();
  const [{ data, fetching, error }, refetch] = useQuery({ query: VenueQuery, variables: { id: params.id } });
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'' | 'UNIT' | 'COMMON_AREA'>('');
  const [page, setPage] = useState(0);
  const [adding, setAdding] = useState(false);
  const venue = data?.venue;
  if (venue === undefined) return fetching ? <Loading what="the venue" /> : <ErrorNote error={error} />;
  const editable = canEdit(role);
  const matching = filterUnits(venue.units, text, kind);
  const shown = pageOf(matching, page, UNITS_PER_PAGE);
  const unitCount = venue.units.filter((u) => u.kind === 'UNIT').length;
  return (
    <section>
      <PageTitle sub={`${venue.address ?? 'No address'} · ${venue.timeZone}`}>{venue.name}</PageTitle>
      <p className="muted">
        <a href={href('/venues')}>All venues</a> · {plural(unitCount, 'unit')}, {plural(venue.units.length - unitCount, 'common area')}, {plural(venue.keyPools.length, 'key pool')}
      </p>
      <h2>Key pools</h2>
      <div className="table-wrap">
        <table aria-label="Key pools">
          <thead>
            <tr>
              <th scope="col">Pool</th>
              <th scope="col">SSID</th>
              <th scope="col">Security</th>
              <th scope="col">Deployed on</th>
              <th scope="col">Keys</th>
            </tr>
          </thead>
          <tbody>
            {venue.keyPools.map((p) => (
              <PoolSummary key={p.id} pool={p} units={venue.units} />
            ))}
            {venue.keyPools.length === 0 && (
              <tr>
                <td colSpan={5}>No key pool yet (pools are created through the API: createKeyPool).</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="section-head">
        <h2>Units and common areas</h2>
        {editable && !adding && (
          <button type="button" onClick={() => setAdding(true)}>
            Add a unit
          </button>
        )}
      </div>
      {editable && adding && (
        <CreateUnitForm
          venueId={venue.id}
          groupId={venue.groupId}
          units={venue.units}
          onCreated={() => {
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
      <form className="filters" role="search" aria-label="Find a unit" onSubmit={(e) => e.preventDefault()}>
        <label>
          Name contains{' '}
          <input
            type="search"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setPage(0);
            }}
          />
        </label>
        <label>
          Kind{' '}
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as '' | 'UNIT' | 'COMMON_AREA');
              setPage(0);
            }}
          >
            <option value="">Units and common areas</option>
            <option value="UNIT">Units</option>
            <option value="COMMON_AREA">Common areas</option>
          </select>
        </label>
      </form>
      <div className="table-wrap">
        <table aria-label="Units and common areas">
          <thead>
            <tr>
              <th scope="col">Unit</th>
              <th scope="col">Kind</th>
              <th scope="col">Location</th>
            </tr>
          </thead>
          <tbody>
            {shown.items.map((u) => (
              <tr key={u.id} data-unit={u.name}>
                <th scope="row">{u.name}</th>
                <td>
                  <Badge tone={u.kind === 'UNIT' ? 'info' : 'muted'}>{u.kind === 'UNIT' ? 'unit' : 'common area'}</Badge>
                </td>
                <td>
                  <UnitLocation locationId={u.locationId} />
                </td>
              </tr>
            ))}
            {shown.items.length === 0 && (
              <tr>
                <td colSpan={3}>{venue.units.length === 0 ? 'No unit yet.' : 'No unit matches.'}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager label="Pages of units" page={shown.page} pages={shown.pages} onPage={setPage} />
    </section>
  );
}
