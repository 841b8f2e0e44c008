// The PostgreSQL statements of the cluster's leases (one place, so the fencing rules can be
// read together). An instance is live while its lease_until is in the database's future;
// a device's ownership row may be taken only by a live instance, and only from itself or
// from an instance that is no longer live. Times are the database's (now()), never a
// process clock, so clocks of instances need not agree.

const LIVE = (alias: string): string => `EXISTS (SELECT 1 FROM cluster_instances i WHERE i.id = ${alias} AND i.lease_until > now())`;

/** $1 id, $2 device address, $3 lease ms. Returns remaining_ms: how long the lease lasts from the database's now. */
export const RENEW_LEASE = `
INSERT INTO cluster_instances (id, device_address, lease_until, started_at)
VALUES ($1::varchar, $2::varchar, now() + $3::integer * interval '1 millisecond', now())
ON CONFLICT (id) DO UPDATE SET device_address = EXCLUDED.device_address, lease_until = EXCLUDED.lease_until
RETURNING (extract(epoch from (lease_until - now())) * 1000)::float8 AS remaining_ms`;

export const LIVE_INSTANCES = `SELECT id, device_address FROM cluster_instances WHERE lease_until > now() ORDER BY id`;

/** $1 id: a graceful stop ends the lease at once, so the instance's devices may move now. */
export const END_LEASE = `UPDATE cluster_instances SET lease_until = now() WHERE id = $1`;

/**
 * $1 serial, $2 instance id. Takes the device (epoch + 1) when this instance is live and the
 * row is free, its own, or held by an instance that is not live. Returns the epoch, or no row.
 */
export const CLAIM_DEVICE = `
INSERT INTO cluster_ownership (serial, instance_id, epoch, acquired_at)
SELECT $1::varchar, $2::varchar, 1, now() WHERE ${LIVE('$2::varchar')}
ON CONFLICT (serial) DO UPDATE SET instance_id = EXCLUDED.instance_id, epoch = cluster_ownership.epoch + 1, acquired_at = now()
WHERE cluster_ownership.instance_id = EXCLUDED.instance_id OR NOT ${LIVE('cluster_ownership.instance_id')}
RETURNING epoch`;

/** $1 serial: the live instance holding the device, with its address. */
export const LIVE_HOLDER = `
SELECT o.instance_id, i.device_address FROM cluster_ownership o
JOIN cluster_instances i ON i.id = o.instance_id AND i.lease_until > now()
WHERE o.serial = $1`;

/** $1 serials: the live instance holding each of them (serials nobody live holds are absent). */
export const LIVE_HOLDERS = `
SELECT o.serial, o.instance_id FROM cluster_ownership o
JOIN cluster_instances i ON i.id = o.instance_id AND i.lease_until > now()
WHERE o.serial = ANY($1)`;

/** $1 instance id, $2 serials: this instance lets the devices go (before redirecting them). */
export const RELEASE_DEVICES = `DELETE FROM cluster_ownership WHERE instance_id = $1 AND serial = ANY($2)`;

export const RELEASE_ALL = `DELETE FROM cluster_ownership WHERE instance_id = $1`;

/** $1 instance id: at start-up, the nodes a previous run of this instance held are not connected. */
export const RESET_OWN_NODES = `
UPDATE nodes SET connected = false, updated_at = now()
WHERE connected AND serial_number IN (SELECT serial FROM cluster_ownership WHERE instance_id = $1)`;

/**
 * Nodes held by instances that are no longer live read disconnected (their holder cannot say
 * so), and so do connected nodes nobody holds (left by a single process before the cluster,
 * or released by a drain whose old session is gone). A holder claims before it writes
 * connected, so a node being taken over is never caught here.
 */
export const RESET_ORPHANED_NODES = `
UPDATE nodes SET connected = false, updated_at = now()
WHERE connected AND (
  serial_number IN (SELECT o.serial FROM cluster_ownership o WHERE NOT ${LIVE('o.instance_id')})
  OR NOT EXISTS (SELECT 1 FROM cluster_ownership o WHERE o.serial = nodes.serial_number))`;

/** $1 node id, $2 instance id, $3 time: the node is disconnected unless another instance holds it now. */
export const DISCONNECT_UNLESS_HELD_ELSEWHERE = `
UPDATE nodes SET connected = false, last_seen_at = $3::timestamptz, updated_at = $3::timestamptz
WHERE id = $1::varchar AND NOT EXISTS (SELECT 1 FROM cluster_ownership o WHERE o.serial = nodes.serial_number AND o.instance_id <> $2::varchar)`;

/**
 * A node's device is held by an instance that is no longer live, or by nobody: its client
 * tables have no reader, so its clients cannot be known connected. `n` is the nodes alias.
 */
const UNHELD_NODE = `(n.serial_number IN (SELECT o.serial FROM cluster_ownership o WHERE NOT ${LIVE('o.instance_id')})
  OR NOT EXISTS (SELECT 1 FROM cluster_ownership o WHERE o.serial = n.serial_number))`;

/** $1 instance id: at start-up, the clients of the nodes a previous run of this instance held are not connected. */
export const RESET_OWN_CLIENTS = `
UPDATE clients SET connected = false, connected_since = NULL
WHERE connected AND node_id IN (SELECT n.id FROM nodes n JOIN cluster_ownership o ON o.serial = n.serial_number WHERE o.instance_id = $1::varchar)`;

/** $1 instance id, $2 time: and their open sessions end. */
export const END_OWN_CLIENT_SESSIONS = `
UPDATE client_sessions SET ended_at = $2::timestamptz
WHERE ended_at IS NULL AND node_id IN (SELECT n.id FROM nodes n JOIN cluster_ownership o ON o.serial = n.serial_number WHERE o.instance_id = $1::varchar)`;

/**
 * Clients of nodes nobody live holds read disconnected (their holder died, or a single
 * process left them). A holder claims the device before it reads its clients, so a node
 * being taken over is not caught here.
 */
export const RESET_ORPHANED_CLIENTS = `
UPDATE clients SET connected = false, connected_since = NULL
WHERE connected AND node_id IN (SELECT n.id FROM nodes n WHERE ${UNHELD_NODE})`;

/** And their open sessions end. */
export const END_ORPHANED_CLIENT_SESSIONS = `
UPDATE client_sessions SET ended_at = now()
WHERE ended_at IS NULL AND node_id IN (SELECT n.id FROM nodes n WHERE ${UNHELD_NODE})`;

/**
 * $1 location id and MAC: held until the transaction ends, so writes of one client's
 * connection from several instances (the device moved between them) are decided one at a
 * time: a connect older than the one stored is then seen as such and skipped.
 */
export const LOCK_CLIENT = `SELECT pg_advisory_xact_lock(hashtext('opensync-clients'), hashtext($1))`;
