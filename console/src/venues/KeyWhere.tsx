// Where one key works and whether it is there yet: the pool networks at its unit and the
// common areas (or everywhere, without a unit), each with its convergence per node. The API
// reports convergence per network and node: a network APPLIED on a node carries exactly the
// keys in force at its location, so an active key is there and an ended one is gone.

import { useQuery } from 'urql';
import { graphql } from '../gql';
import { appliedMeaning, convergenceSummary, type PoolPlace } from './venue-layout';

const PlaceStatus = graphql(`
  query ConsoleKeyPlaceStatus($id: ID!) {
    wifiNetwork(id: $id) {
      id
      ssid
      status {
        ...ConsoleNetworkStatusFields
      }
    }
  }
`);

const MAX_SHOWN = 10;

export function KeyWhere({ keyName, state, validFrom, places }: { keyName: string; state: string; validFrom?: string | null; places: readonly PoolPlace[] }) {
  const shown = places.slice(0, MAX_SHOWN);
  const meaning = appliedMeaning(state, validFrom, Date.now());
  return (
    <div aria-label={`Where ${keyName} works`} role="region">
      <p className="muted">
        {places.length === 0 ? 'The key works nowhere yet: the pool has no network at its unit or a common area.' : `Works at ${places.length} location${places.length === 1 ? '' : 's'} (${meaning}).`}
        {places.length > MAX_SHOWN ? ` The first ${MAX_SHOWN} are shown.` : ''}
      </p>
      <ul className="plain">
        {shown.map((p) => (
          <PlaceLine key={p.network.networkId} place={p} />
        ))}
      </ul>
    </div>
  );
}

function PlaceLine({ place }: { place: PoolPlace }) {
  const [{ data }] = useQuery({ query: PlaceStatus, variables: { id: place.network.networkId }, requestPolicy: 'cache-and-network' });
  const status = data?.wifiNetwork.status;
  return (
    <li data-network-id={place.network.networkId} data-status={status?.overall}>
      <strong>{place.unit?.name ?? 'a location'}</strong>
      {place.unit?.kind === 'COMMON_AREA' ? ' (common area)' : ''}: {status !== undefined ? convergenceSummary(status.nodes) : '…'}
    </li>
  );
}

