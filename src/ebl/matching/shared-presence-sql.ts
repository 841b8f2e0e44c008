// The shared presence on PostgreSQL (cluster): one row per (location, MAC, provider) that
// any instance may see. `present_nodes` is the set of nodes the client is associated to,
// written ",<node id>,<node id>," ("," when none): node ids are UUIDs, so membership is a
// substring test and adding or removing one is a string operation inside the statement,
// atomic with the rest of it. `discovered` holds whether the row's latest sighting was a
// new discovery: RETURNING shows the row after the update, and the decision is made from
// the row before it, in the SET clause (where the row's columns are the old values).
// The rule is discovery-rule.ts's isNewDiscovery; its cut-offs are the parameters.

/** The old row (p) would make this sighting a new discovery. $6 stale presence cut-off, $7 absence cut-off. */
const NEW_DISCOVERY = `(NOT (p.present_nodes <> ',' AND p.last_seen > $6) AND p.last_seen <= $7)`;

/** `nodes` with `node` added (node may be null: nodes unchanged). */
const withNode = (nodes: string, node: string): string => `CASE WHEN ${node} IS NULL OR strpos(${nodes}, ',' || ${node} || ',') > 0 THEN ${nodes} ELSE ${nodes} || ${node} || ',' END`;

/**
 * A sighting: $1 location, $2 mac, $3 provider, $4 node (null for a DHCP lease), $5 at,
 * $6 stale presence cut-off, $7 absence cut-off. Records it and returns `discovered`: true
 * when it is a new discovery. Two instances sighting the same client at once are serialized
 * on the row (the second waits for the first to commit, then reads its row), so one of them
 * discovers it. A new discovery starts the node set afresh (stale nodes dropped).
 */
export const SIGHTED = `
INSERT INTO ebl_presence AS p (location_id, mac, provider_id, present_nodes, last_seen, discovered)
VALUES ($1, $2, $3, ',' || COALESCE($4::varchar || ',', ''), $5, true)
ON CONFLICT (location_id, mac, provider_id) DO UPDATE SET
  discovered = ${NEW_DISCOVERY},
  present_nodes = CASE WHEN ${NEW_DISCOVERY} THEN EXCLUDED.present_nodes ELSE ${withNode('p.present_nodes', '$4::varchar')} END,
  last_seen = GREATEST(p.last_seen, EXCLUDED.last_seen)
RETURNING discovered`;

/** The client left a node: $1 location, $2 mac, $3 node, $4 at; every provider's row of the client. */
export const LEFT = `
UPDATE ebl_presence SET present_nodes = replace(present_nodes, ',' || $3::varchar || ',', ','), last_seen = GREATEST(last_seen, $4)
WHERE location_id = $1 AND mac = $2`;

/**
 * Keep-alive of the clients this instance sees associated: $1 now, $2..$5 locations, macs,
 * providers, nodes (one entry per row, sorted, so instances lock rows in one order). The node
 * is added if missing (a leave written after another instance's association of the same
 * node, when a device moved), and a row whose sighting could not be written is made.
 * Providers removed meanwhile are left out (their rows went with them).
 */
export const KEEP_ALIVE = `
INSERT INTO ebl_presence AS p (location_id, mac, provider_id, present_nodes, last_seen, discovered)
SELECT k.location_id, k.mac, k.provider_id, ',' || k.node_id || ',', $1, false
FROM unnest($2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[]) AS k(location_id, mac, provider_id, node_id)
WHERE EXISTS (SELECT 1 FROM ebl_providers e WHERE e.api_client_id = k.provider_id)
ON CONFLICT (location_id, mac, provider_id) DO UPDATE SET
  present_nodes = CASE WHEN strpos(p.present_nodes, EXCLUDED.present_nodes) > 0 THEN p.present_nodes ELSE p.present_nodes || substr(EXCLUDED.present_nodes, 2) END,
  last_seen = GREATEST(p.last_seen, EXCLUDED.last_seen)`;

/** $1: rows last seen at or before it decide like no row (discovery-rule.ts forgettableBefore). */
export const FORGET = `DELETE FROM ebl_presence WHERE last_seen <= $1`;
