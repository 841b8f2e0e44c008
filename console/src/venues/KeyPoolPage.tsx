// A key pool: its keys with their state and unit; admins issue, rotate, suspend, resume and
// revoke them (a new passphrase is shown once), support reads them. The page never asks the
// API for a stored passphrase.

import { Fragment, useState } from 'react';
import { useQuery } from 'urql';
import { canEdit } from '../auth/session';
import { useRole } from '../auth/SessionContext';
import { href, type Params } from '../app/router';
import { graphql } from '../gql';
import { Badge, ErrorNote, formatTime, Loading, PageTitle } from '../ui/ui';
import { IssueKeyForm } from './IssueKeyForm';
import { KeyActions } from './KeyActions';
import { KeySessions } from './KeySessions';
import { stateTone } from './key-actions';

const PoolQuery = graphql(`
  query ConsoleKeyPool($id: ID!) {
    keyPool(id: $id) {
      id
      name
      venueId
      networks {
        networkId
      }
      keys(first: 100) {
        totalCount
        edges {
          node {
            id
            slot
            keyName
            state
            unitId
            validFrom
            validUntil
            rotatedAt
            createdAt
          }
        }
      }
    }
  }
`);
const PoolVenueQuery = graphql(`
  query ConsoleKeyPoolVenue($id: ID!) {
    venue(id: $id) {
      id
      name
      units {
        id
        name
        kind
        locationId
      }
    }
  }
`);

export function KeyPoolPage({ params }: { params: Params }) {
  const role = useRole();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PoolQuery, variables: { id: params.id } });
  const pool = data?.keyPool;
  const [venueResult] = useQuery({ query: PoolVenueQuery, variables: { id: pool?.venueId ?? '' }, pause: pool === undefined });
  const [sessionsOf, setSessionsOf] = useState<string | undefined>();
  if (pool === undefined) return fetching ? <Loading what="the key pool" /> : <ErrorNote error={error} />;
  const venue = venueResult.data?.venue;
  const unitName = (unitId: string | null | undefined): string => (unitId == null ? 'every location' : (venue?.units.find((u) => u.id === unitId)?.name ?? 'a unit'));
  const editable = canEdit(role);
  const keys = pool.keys.edges.map((e) => e.node);
  return (
    <section>
      <PageTitle sub={venue !== undefined ? <a href={href('/venues/:id', { id: venue.id })}>Back to {venue.name}</a> : undefined}>{`Key pool ${pool.name}`}</PageTitle>
      <p className="muted">
        On {pool.networks.length} network{pool.networks.length === 1 ? '' : 's'}. {editable ? 'A passphrase is shown once, when the key is issued or rotated.' : 'Passphrases are not shown to support staff.'}
      </p>
      {editable && venue !== undefined && <IssueKeyForm poolId={pool.id} units={venue.units.filter((u) => u.kind === 'UNIT')} onIssued={() => refetch({ requestPolicy: 'network-only' })} />}
      <h2>Keys</h2>
      {pool.keys.totalCount > keys.length && <p className="muted">The first {keys.length} of {pool.keys.totalCount} keys, by slot.</p>}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">State</th>
              <th scope="col">Opens</th>
              <th scope="col">Valid</th>
              <th scope="col">Rotated</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <Fragment key={k.id}>
                <tr data-key={k.keyName} data-state={k.state}>
                  <th scope="row">
                    <code>{k.keyName}</code>
                  </th>
                  <td>
                    <Badge tone={stateTone(k.state)}>{k.state.toLowerCase()}</Badge>
                  </td>
                  <td>{unitName(k.unitId)}</td>
                  <td>
                    {k.validFrom != null ? formatTime(k.validFrom) : 'now'} – {k.validUntil != null ? formatTime(k.validUntil) : 'no end'}
                  </td>
                  <td>{formatTime(k.rotatedAt)}</td>
                  <td>
                    <button type="button" className="small" aria-expanded={sessionsOf === k.id} onClick={() => setSessionsOf(sessionsOf === k.id ? undefined : k.id)}>
                      Sessions
                    </button>
                    {editable && <KeyActions id={k.id} keyName={k.keyName} state={k.state} />}
                  </td>
                </tr>
                {sessionsOf === k.id && (
                  <tr>
                    <td colSpan={6}>
                      <KeySessions id={k.id} keyName={k.keyName} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
            {keys.length === 0 && (
              <tr>
                <td colSpan={6}>No key in this pool yet.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
