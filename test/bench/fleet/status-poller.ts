// Reads, through GraphQL, how many nodes are connected and how many networks are APPLIED on
// every node, with aliased queries of 200 objects each (10,000 single queries per poll
// would measure the poller, not the controller). Waiting for a whole fleet polls only the
// objects not yet seen done, then confirms with one poll of all: at N = 10,000, polling every
// object twice a second kept the controller busier than the work being measured.

import type { GraphqlClient } from './graphql-client';
import { mapConcurrent } from './graphql-client';

const BATCH = 200;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

async function idsWhere<T>(api: GraphqlClient, ids: readonly string[], field: (idVariable: string) => string, done: (value: T | null) => boolean): Promise<Set<string>> {
  const found = new Set<string>();
  await mapConcurrent(chunks(ids), 4, async (batch) => {
    // Ids as variables, as a real client sends them: one document per batch size, which the
    // server parses and validates once.
    const params = batch.map((_, i) => `$i${i}: ID!`).join(', ');
    const fields = batch.map((_, i) => `a${i}: ${field(`$i${i}`)}`).join(' ');
    const variables = Object.fromEntries(batch.map((id, i) => [`i${i}`, id]));
    const data = await api.request<Record<string, T | null>>(`query (${params}) { ${fields} }`, variables);
    batch.forEach((id, i) => {
      if (done(data[`a${i}`] ?? null)) found.add(id);
    });
  });
  return found;
}

/** The nodes among `nodeIds` that are connected now. */
export function connectedOf(api: GraphqlClient, nodeIds: readonly string[]): Promise<Set<string>> {
  return idsWhere<{ connected: boolean }>(api, nodeIds, (v) => `node(id: ${v}) { connected }`, (n) => n?.connected === true);
}

/** The networks among `networkIds` whose every node reports APPLIED. */
export function appliedOf(api: GraphqlClient, networkIds: readonly string[]): Promise<Set<string>> {
  return idsWhere<{ status: { nodes: Array<{ status: string }> } }>(
    api,
    networkIds,
    (v) => `wifiNetwork(id: ${v}) { status { nodes { status } } }`,
    (w) => w !== null && w.status.nodes.length > 0 && w.status.nodes.every((n) => n.status === 'APPLIED'),
  );
}

export async function countApplied(api: GraphqlClient, networkIds: readonly string[]): Promise<number> {
  return (await appliedOf(api, networkIds)).size;
}

export async function networkApplied(api: GraphqlClient, networkId: string): Promise<boolean> {
  return (await countApplied(api, [networkId])) === 1;
}
