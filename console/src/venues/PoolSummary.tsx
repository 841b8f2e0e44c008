// One key pool in a venue's list: SSID and security (of its first network; a pool's networks
// normally share them), where it is deployed, how many keys.

import { useQuery } from 'urql';
import { href } from '../app/router';
import { graphql } from '../gql';
import { SECURITY_WORDS } from './words';
import { coverageWords, poolCoverage, type UnitLike } from './venue-layout';

const FirstNetworkQuery = graphql(`
  query ConsolePoolFirstNetwork($id: ID!) {
    wifiNetwork(id: $id) {
      id
      ssid
      securityMode
    }
  }
`);

export interface PoolSummaryView {
  id: string;
  name: string;
  isolateKeys: boolean;
  networks: readonly { networkId: string; locationId: string }[];
  keys: { totalCount: number };
}

export function PoolSummary({ pool, units }: { pool: PoolSummaryView; units: readonly UnitLike[] }) {
  const first = pool.networks[0]?.networkId;
  const [{ data }] = useQuery({ query: FirstNetworkQuery, variables: { id: first ?? '' }, pause: first === undefined });
  const network = data?.wifiNetwork;
  return (
    <tr data-pool={pool.name}>
      <th scope="row">
        <a href={href('/key-pools/:id', { id: pool.id })}>{pool.name}</a>
        {pool.isolateKeys && <span className="muted"> (keys kept apart)</span>}
      </th>
      <td>{network?.ssid ?? (first === undefined ? '—' : '…')}</td>
      <td>{network !== undefined ? (SECURITY_WORDS[network.securityMode] ?? network.securityMode) : '—'}</td>
      <td>{coverageWords(poolCoverage(pool.networks, units))}</td>
      <td>{pool.keys.totalCount}</td>
    </tr>
  );
}
