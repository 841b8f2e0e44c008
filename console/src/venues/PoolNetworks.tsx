// Where a key pool is deployed: one network per unit or common area, with SSID, security,
// convergence on each node (followed live) and the network's MAC access list (admins edit
// it). Ten networks at a time: each row follows its status over the one graphql-ws
// connection, which carries at most 25 operations.

import { useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { href } from '../app/router';
import { graphql } from '../gql';
import { CONVERGENCE_WORDS, convergenceTone, describeMismatch, type Convergence } from '../locations/convergence';
import { Badge, ErrorNote } from '../ui/ui';
import { MacListEditor } from './MacListEditor';
import { macListWords } from './mac-list';
import { Pager } from './Pager';
import { pageOf, type PoolPlace } from './venue-layout';
import { SECURITY_WORDS } from './words';

export const PoolNetworkQuery = graphql(`
  query ConsolePoolNetwork($id: ID!) {
    wifiNetwork(id: $id) {
      id
      ssid
      securityMode
      enabled
      macList {
        mode
        macs
        updatedAt
      }
      status {
        ...ConsoleNetworkStatusFields
      }
    }
  }
`);
const PoolNetworkStatus = graphql(`
  subscription ConsolePoolNetworkStatus($networkId: ID!) {
    wifiNetworkStatusChanged(networkId: $networkId) {
      ...ConsoleNetworkStatusFields
    }
  }
`);

const PER_PAGE = 10;

/**
 * `networkDetails` false (a venue manager): the pool's networks are the group's, which the API
 * shows to group staff only; the units are listed without their networks' settings and state.
 */
export function PoolNetworks({ places, editable, networkDetails = true }: { places: readonly PoolPlace[]; editable: boolean; networkDetails?: boolean }) {
  const [page, setPage] = useState(0);
  const shown = pageOf(places, page, PER_PAGE);
  if (!networkDetails) {
    return (
      <>
        <p className="muted">The networks' settings and their state on each node are shown to the group's staff.</p>
        <ul aria-label="Where the pool is deployed">
          {shown.items.map((p) => (
            <li key={p.network.networkId} data-network-id={p.network.networkId}>
              {p.unit?.name ?? 'not a unit of this venue'}
              {p.unit?.kind === 'COMMON_AREA' && <span className="muted"> (common area)</span>}
            </li>
          ))}
          {places.length === 0 && <li>The pool is on no network yet.</li>}
        </ul>
        <Pager label="Pages of networks" page={shown.page} pages={shown.pages} onPage={setPage} />
      </>
    );
  }
  return (
    <>
      <div className="table-wrap">
        <table aria-label="Where the pool is deployed">
          <thead>
            <tr>
              <th scope="col">Unit</th>
              <th scope="col">SSID</th>
              <th scope="col">Security</th>
              <th scope="col">On the nodes</th>
              <th scope="col">MAC list</th>
            </tr>
          </thead>
          <tbody>
            {shown.items.map((p) => (
              <PoolNetworkRow key={p.network.networkId} place={p} editable={editable} />
            ))}
            {places.length === 0 && (
              <tr>
                <td colSpan={5}>The pool is on no network yet.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager label="Pages of networks" page={shown.page} pages={shown.pages} onPage={setPage} />
    </>
  );
}

function PoolNetworkRow({ place, editable }: { place: PoolPlace; editable: boolean }) {
  const networkId = place.network.networkId;
  const [{ data, error }, refetch] = useQuery({ query: PoolNetworkQuery, variables: { id: networkId } });
  const [live] = useSubscription({ query: PoolNetworkStatus, variables: { networkId } });
  const [editing, setEditing] = useState(false);
  const network = data?.wifiNetwork;
  const status = live.data?.wifiNetworkStatusChanged ?? network?.status;
  const unitName = place.unit?.name ?? 'not a unit of this venue';
  return (
    <>
      <tr data-network-id={networkId} data-status={status?.overall}>
        <th scope="row">
          <a href={href('/locations/:id', { id: place.network.locationId })}>{unitName}</a>
          {place.unit?.kind === 'COMMON_AREA' && <span className="muted"> (common area)</span>}
        </th>
        <td>{network?.ssid ?? '…'}</td>
        <td>{network !== undefined ? (SECURITY_WORDS[network.securityMode] ?? network.securityMode) : ''}</td>
        <td>
          {status !== undefined && (
            <ul className="plain">
              {status.nodes.map((n) => (
                <li key={n.nodeId} data-serial={n.serial} data-status={n.status}>
                  <code>{n.serial}</code> <Badge tone={convergenceTone(n.status as Convergence)}>{CONVERGENCE_WORDS[n.status as Convergence] ?? n.status}</Badge>
                  {n.status === 'FAILED' && <span className="muted"> {n.mismatches.map((m) => describeMismatch(m)).join('; ')}</span>}
                </li>
              ))}
              {status.nodes.length === 0 && <li className="muted">No node at this location.</li>}
            </ul>
          )}
          <ErrorNote error={error} />
        </td>
        <td>
          {network !== undefined ? macListWords(network.macList) : ''}
          {editable && network !== undefined && !editing && (
            <>
              {' '}
              <button type="button" className="small" onClick={() => setEditing(true)} aria-label={`Edit the MAC list of ${unitName}`}>
                Edit
              </button>
            </>
          )}
        </td>
      </tr>
      {editing && network !== undefined && (
        <tr>
          <td colSpan={5}>
            <MacListEditor
              networkId={networkId}
              label={`${network.ssid} at ${unitName}`}
              current={network.macList ?? undefined}
              onDone={() => {
                setEditing(false);
                refetch({ requestPolicy: 'network-only' });
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}
