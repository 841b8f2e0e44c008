// Changes to existing networks inside the caller's transaction, one (updateWifiNetwork) or
// many (updateWifiNetworks) through the same rules: the networks, their locations and their
// customers are read with one query per 500 ids, not per change, and every invalid field of
// every change is reported at once, named by `fieldOf`.

import { EntityManager, EntityTarget, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';
import { assertReadable, assertWritable } from '../access/group-scope';
import { AppError, FieldError } from '../common/errors/app-error';
import { Principal } from '../common/auth/principal';
import { refuseChangeOf } from '../customers/customer-rules';
import { Customer } from '../customers/customer.entity';
import { Location } from '../locations/location.entity';
import { checkUuid } from '../validation/field-checks';
import { UpdateWifiNetworkInput } from './dto/update-wifi-network.input';
import { CompiledUpdate } from '../database/compiled-update';
import { applyWifiNetworkPatch, validateWifiNetworkSettings, WifiNetworkSettings } from './wifi-network-rules';
import { patchOf, refusedNulls, settingsOf } from './wifi-network-settings';
import { WifiNetwork } from './wifi-network.entity';

export interface NetworkChange {
  id: string;
  input: UpdateWifiNetworkInput;
  /**
   * Checked against the network as the transaction reads it, row locked (PostgreSQL) or
   * with writes queued (SQLite), so no other change lands between the check and the write
   * (a REST API's If-Match). It throws to refuse the change.
   */
  precondition?: (current: WifiNetwork) => void;
}

export interface AppliedChange {
  before: WifiNetwork;
  after: WifiNetwork;
}

/**
 * A rule another module keeps on changes of networks (key pools refuse a pooled network's
 * switch to a mode that cannot carry personal keys): runs in the change's transaction after
 * validation, before anything is written, and throws to refuse.
 */
export type NetworkChangeGuard = (manager: EntityManager, changes: readonly { before: WifiNetwork; next: WifiNetworkSettings }[]) => Promise<void>;

/** Names field `field` of the change at `index` in error reports. */
export type FieldOf = (index: number, field: string) => string;

const IDS_PER_QUERY = 500;

/** Every setting plus updatedAt: what a change writes. */
export const WRITTEN_PROPERTIES = [
  'kind', 'ssid', 'securityMode', 'passphrase', 'hidden', 'clientIsolation', 'isolated', 'vlanId', 'bands', 'enabled', 'expiresAt', 'description', 'updatedAt',
] as const satisfies readonly (keyof WifiNetworkSettings | 'updatedAt')[];
export type NetworkWrite = CompiledUpdate<WifiNetwork, (typeof WRITTEN_PROPERTIES)[number]>;

export async function applyNetworkChanges(
  manager: EntityManager,
  principal: Principal,
  changes: readonly NetworkChange[],
  fieldOf: FieldOf,
  write: NetworkWrite,
  guard?: NetworkChangeGuard,
): Promise<AppliedChange[]> {
  requireDistinctIds(changes, fieldOf);
  await lockGuardedRows(manager, changes);
  const networks = await findByIds(manager, WifiNetwork, changes.map((c) => c.id));
  const current = changes.map((c) => assertReadable(principal, networks.get(c.id) ?? null, 'wifi network', c.id));
  changes.forEach((c, i) => c.precondition?.(current[i]));
  await requireWritableLocations(manager, principal, current);

  const now = new Date();
  const errors: FieldError[] = changes.flatMap((change, i) => refusedNulls(change.input).map((e) => ({ field: fieldOf(i, e.field), message: e.message })));
  const nexts = changes.map((change, i) => {
    const patch = patchOf(change.input);
    const next = applyWifiNetworkPatch(settingsOf(current[i]), patch);
    const setsExpiry = patch.expiresAt !== undefined && patch.expiresAt !== null;
    for (const e of validateWifiNetworkSettings(next, now, setsExpiry)) errors.push({ field: fieldOf(i, e.field), message: e.message });
    return next;
  });
  if (errors.length > 0) throw AppError.validation(errors);
  await guard?.(manager, current.map((before, i) => ({ before, next: nexts[i] })));

  const applied: AppliedChange[] = [];
  for (const [i, before] of current.entries()) {
    // A guarded network's version follows its change time: never the same twice.
    const at = changes[i].precondition !== undefined && now.getTime() <= before.updatedAt.getTime() ? new Date(before.updatedAt.getTime() + 1) : now;
    const values = { ...nexts[i], updatedAt: at };
    await write.run(manager, before.id, values);
    applied.push({ before, after: Object.assign(new WifiNetwork(), before, values) });
  }
  return applied;
}

/**
 * Locks the rows of changes with a precondition until the transaction ends (PostgreSQL).
 * SQLite needs none: its write transactions are queued one after another (TransactionRunner).
 */
export async function lockGuardedRows(manager: EntityManager, changes: readonly Pick<NetworkChange, 'id' | 'precondition'>[]): Promise<void> {
  const ids = changes.filter((c) => c.precondition !== undefined).map((c) => c.id);
  if (ids.length === 0 || manager.connection.options.type === 'better-sqlite3') return;
  await manager.createQueryBuilder(WifiNetwork, 'n').select('n.id').where('n.id IN (:...ids)', { ids }).setLock('pessimistic_write').getMany();
}

function requireDistinctIds(changes: readonly NetworkChange[], fieldOf: FieldOf): void {
  const seen = new Set<string>();
  const errors = changes.flatMap((c, i): FieldError[] => {
    const field = fieldOf(i, 'id');
    const invalid = checkUuid(field, c.id);
    if (invalid.length > 0) return invalid;
    if (seen.has(c.id)) return [{ field, message: 'names a network already changed earlier in this request' }];
    seen.add(c.id);
    return [];
  });
  if (errors.length > 0) throw AppError.validation(errors);
}

/** NOT_FOUND / FORBIDDEN by the locations' scope, PRECONDITION_FAILED for a terminated customer. */
async function requireWritableLocations(manager: EntityManager, principal: Principal, networks: readonly WifiNetwork[]): Promise<void> {
  const locations = await findByIds(manager, Location, networks.map((n) => n.locationId));
  const writable = [...new Set(networks.map((n) => n.locationId))].map((id) =>
    assertWritable(principal, locations.get(id) ?? null, 'location', id),
  );
  const customers = await findByIds(manager, Customer, writable.map((l) => l.customerId));
  for (const location of writable) {
    const customer = customers.get(location.customerId);
    if (customer === undefined) throw AppError.notFound('customer', location.customerId);
    const refused = refuseChangeOf(customer.status);
    if (refused !== undefined) throw AppError.precondition(refused);
  }
}

async function findByIds<T extends ObjectLiteral & { id: string }>(manager: EntityManager, entity: EntityTarget<T>, ids: readonly string[]): Promise<Map<string, T>> {
  const distinct = [...new Set(ids)];
  const found = new Map<string, T>();
  for (let at = 0; at < distinct.length; at += IDS_PER_QUERY) {
    const rows = await manager.findBy(entity, { id: In(distinct.slice(at, at + IDS_PER_QUERY)) } as FindOptionsWhere<T>);
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}
