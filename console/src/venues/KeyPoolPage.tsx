// A key pool: where it is deployed (SSID, security, convergence per node, MAC lists), its
// keys a page at a time (state, subscriber, unit, validity in the venue's time zone, where
// each works and whether it is there, its sessions), and its scratch-card batches. Admins
// issue, rotate, suspend, resume and revoke keys and manage batches and MAC lists; support
// reads. The page never asks the API for a stored passphrase: a generated one is shown once,
// from the answer of the mutation that made it.

import { Fragment, useState } from 'react';
import { useQuery } from 'urql';
import { canEdit, canEditVenueKeys, seesGroupPages } from '../auth/session';
import { useRole } from '../auth/SessionContext';
import { href, type Params } from '../app/router';
import { graphql } from '../gql';
import { Badge, ErrorNote, formatTime, Loading, PageTitle } from '../ui/ui';
import { IssueKeyForm } from './IssueKeyForm';
import { KeyActions } from './KeyActions';
import { KeySessions } from './KeySessions';
import { KeyWhere } from './KeyWhere';
import { CursorPager } from './Pager';
import { PoolNetworks } from './PoolNetworks';
import { ScratchCards } from './ScratchCards';
import { stateTone } from './key-actions';
import { formatInZone } from './key-form';
import { coverageWords, cursorWindow, keyPlaces, poolCoverage, poolPlaces, type Cursor } from './venue-layout';

const PoolQuery = graphql(`
  query ConsoleKeyPool($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    keyPool(id: $id) {
      id
      name
      venueId
      groupId
      isolateKeys
      networks {
        networkId
        locationId
      }
      keys(first: $first, after: $after, last: $last, before: $before) {
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
            slot
            keyName
            state
            unitId
            customerId
            batchId
            firstUsedAt
            validFrom
            validUntil
            rotatedAt
            createdAt
          }
        }
      }
      scratchCardBatches {
        id
        name
        validForMinutes
        createdAt
        invalidatedAt
        cards {
          id
          keyName
          state
          firstUsedAt
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
      timeZone
      units {
        id
        name
        kind
        locationId
      }
    }
  }
`);
const CustomerNameQuery = graphql(`
  query ConsoleKeyCustomer($id: ID!) {
    customer(id: $id) {
      id
      name
    }
  }
`);

const PAGE = 25;
type Open = { id: string; what: 'sessions' | 'where' };

export function KeyPoolPage({ params }: { params: Params }) {
  const role = useRole();
  const [cursor, setCursor] = useState<Cursor>({});
  const page = cursorWindow(cursor, PAGE);
  const [{ data, fetching, error }, refetch] = useQuery({ query: PoolQuery, variables: { id: params.id, ...page } });
  const pool = data?.keyPool;
  const [venueResult] = useQuery({ query: PoolVenueQuery, variables: { id: pool?.venueId ?? '' }, pause: pool === undefined });
  const [open, setOpen] = useState<Open | undefined>();
  if (pool === undefined) return fetching ? <Loading what="the key pool" /> : <ErrorNote error={error} />;
  const venue = venueResult.data?.venue;
  const units = venue?.units ?? [];
  const timeZone = venue?.timeZone ?? 'UTC';
  const places = poolPlaces(pool.networks, units);
  const batchName = new Map(pool.scratchCardBatches.map((b) => [b.id, b.name]));
  const opens = (k: { unitId?: string | null; batchId?: string | null }): string => {
    if (k.batchId != null) return `every location (scratch card, ${batchName.get(k.batchId) ?? 'a batch'})`;
    if (k.unitId == null) return 'every location';
    return units.find((u) => u.id === k.unitId)?.name ?? 'a unit';
  };
  // Group admins do everything here; a venue manager handles keys and scratch cards (issuing
  // picks a customer of the group, and MAC lists are the group's networks: admins only).
  const editable = canEdit(role);
  const keysEditable = canEditVenueKeys(role);
  const reload = (): void => refetch({ requestPolicy: 'network-only' });
  const keys = pool.keys.edges.map((e) => e.node);
  const toggle = (id: string, what: Open['what']): void => setOpen(open?.id === id && open.what === what ? undefined : { id, what });
  return (
    <section>
      <PageTitle sub={venue !== undefined ? <a href={href('/venues/:id', { id: venue.id })}>Back to {venue.name}</a> : undefined}>{`Key pool ${pool.name}`}</PageTitle>
      <p className="muted">
        On {pool.networks.length} network{pool.networks.length === 1 ? '' : 's'} ({coverageWords(poolCoverage(pool.networks, units))}).{' '}
        {pool.isolateKeys ? 'Keys are kept apart: the devices of one key do not reach those of another. ' : ''}
        {keysEditable ? 'A passphrase is shown once, when the key is issued or rotated.' : 'Passphrases are not shown to support staff.'}
      </p>
      <h2>Where it is deployed</h2>
      <PoolNetworks places={places} editable={editable} networkDetails={seesGroupPages(role)} />
      <h2>Keys</h2>
      {editable && venue !== undefined && <IssueKeyForm poolId={pool.id} groupId={pool.groupId} timeZone={timeZone} units={units.filter((u) => u.kind === 'UNIT')} onIssued={reload} />}
      <p className="muted">
        {pool.keys.totalCount} key{pool.keys.totalCount === 1 ? '' : 's'} (revoked ones included), by slot, {PAGE} at a time. Validity in the venue's time ({timeZone}).
      </p>
      <div className="table-wrap">
        <table aria-label="Keys">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">State</th>
              <th scope="col">Subscriber</th>
              <th scope="col">Opens</th>
              <th scope="col">Valid</th>
              <th scope="col">Rotated</th>
              <th scope="col">
                <span className="visually-hidden">Details and actions</span>
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
                  <td>
                    <CustomerName id={k.customerId} />
                  </td>
                  <td>{opens(k)}</td>
                  <td>
                    {k.batchId != null && k.firstUsedAt == null ? 'from first use' : `${k.validFrom != null ? formatInZone(k.validFrom, timeZone) : 'now'} – ${k.validUntil != null ? formatInZone(k.validUntil, timeZone) : 'no end'}`}
                  </td>
                  <td>{formatTime(k.rotatedAt)}</td>
                  <td>
                    <div className="actions">
                      <button type="button" className="small" aria-expanded={open?.id === k.id && open.what === 'where'} onClick={() => toggle(k.id, 'where')}>
                        Where
                      </button>
                      <button type="button" className="small" aria-expanded={open?.id === k.id && open.what === 'sessions'} onClick={() => toggle(k.id, 'sessions')}>
                        Sessions
                      </button>
                    </div>
                    {keysEditable && <KeyActions id={k.id} keyName={k.keyName} state={k.state} onChanged={reload} />}
                  </td>
                </tr>
                {open?.id === k.id && (
                  <tr>
                    <td colSpan={7}>{open.what === 'sessions' ? <KeySessions id={k.id} keyName={k.keyName} /> : <KeyWhere keyName={k.keyName} state={k.state} validFrom={k.validFrom} places={keyPlaces(k, places)} />}</td>
                  </tr>
                )}
              </Fragment>
            ))}
            {keys.length === 0 && (
              <tr>
                <td colSpan={7}>No key in this pool yet.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <CursorPager label="Pages of keys" info={pool.keys.pageInfo} onCursor={setCursor} />
      <ScratchCards poolId={pool.id} groupId={pool.groupId} batches={pool.scratchCardBatches} editable={keysEditable} onChanged={reload} />
    </section>
  );
}

function CustomerName({ id }: { id: string }) {
  const [{ data, error }] = useQuery({ query: CustomerNameQuery, variables: { id } });
  const customer = data?.customer;
  // A venue manager may not read the group's customers: the key's subscriber stays unnamed.
  if (customer === undefined || customer === null) return <span className="muted">{error !== undefined || customer === null ? 'a subscriber' : '…'}</span>;
  return <a href={href('/customers/:id', { id })}>{customer.name}</a>;
}
