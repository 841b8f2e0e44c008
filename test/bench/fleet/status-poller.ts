// Reads, through GraphQL, how many nodes are connected and how many networks are APPLIED on
// every node, with aliased queries of 200 objects each (10,000 single queries per poll
// would measure the poller, not the controller).

import type { GraphqlClient } from './graphql-client';
import { mapConcurrent } from './graphql-client';

const BATCH = 200;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

export async function countConnected(api: GraphqlClient, nodeIds: readonly string[]): Promise<number> {
  const counts = await mapConcurrent(chunks(nodeIds), 4, async (ids) => {
    const query = `{ ${ids.map((id, i) => `n${i}: node(id: "${id}") { connected }`).join(' ')} }`;
    const data = await api.request<Record<string, { connected: boolean } | null>>(query);
    return Object.values(data).filter((n) => n?.connected).length;
  });
  return counts.reduce((a, b) => a + b, 0);
}

/** Networks whose every node reports APPLIED. */
export async function countApplied(api: GraphqlClient, networkIds: readonly string[]): Promise<number> {
  const counts = await mapConcurrent(chunks(networkIds), 4, async (ids) => {
    const query = `{ ${ids.map((id, i) => `w${i}: wifiNetwork(id: "${id}") { status { nodes { status } } }`).join(' ')} }`;
    const data = await api.request<Record<string, { status: { nodes: Array<{ status: string }> } } | null>>(query);
    return Object.values(data).filter((w) => w && w.status.nodes.length > 0 && w.status.nodes.every((n) => n.status === 'APPLIED')).length;
  });
  return counts.reduce((a, b) => a + b, 0);
}

export async function networkApplied(api: GraphqlClient, networkId: string): Promise<boolean> {
  return (await countApplied(api, [networkId])) === 1;
}
