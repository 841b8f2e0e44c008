// Locations of a customer. A location is created with its PRIMARY network and deleted with
// it; deletion is refused while nodes are claimed to it and for a customer's last location
// (a customer always has one; cancelling service is terminateCustomer).

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { Principal } from '../common/auth/principal';
import { assertReadable, assertWritable } from '../access/group-scope';
import { requireUuid, writableLocation } from '../access/location-access';
import { AuditRecord, AuditService } from '../audit/audit.service';
import { refuseChangeOf } from '../customers/customer-rules';
import { Customer } from '../customers/customer.entity';
import { CompiledFinder } from '../database/compiled-finder';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvents } from '../domain-events/domain-events.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { checkIdempotencyKey } from '../idempotency/request-hash';
import { Node } from '../nodes/node.entity';
import { primarySettings } from '../wifi-networks/wifi-network-settings';
import { WifiNetwork } from '../wifi-networks/wifi-network.entity';
import { WifiNetworksService } from '../wifi-networks/wifi-networks.service';
import { CreateLocationInput } from './dto/create-location.input';
import { UpdateLocationInput } from './dto/update-location.input';
import { validateCreateLocation } from './location-input';
import { validateLocationFields } from './location-rules';
import { Location } from './location.entity';

function summary(l: Location): Record<string, unknown> {
  return { customerId: l.customerId, name: l.name, serviceId: l.serviceId, address: l.address, timezone: l.timezone };
}

function addressColumns(address: CreateLocationInput['address']): Pick<Location, 'street' | 'city' | 'postalCode' | 'country'> {
  return { street: address?.street ?? null, city: address?.city ?? null, postalCode: address?.postalCode ?? null, country: address?.country ?? null };
}

@Injectable()
export class LocationsService {
  private readonly byId: CompiledFinder<Location>;
  private readonly nodesByLocation: CompiledFinder<Node>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly networks: WifiNetworksService,
  ) {
    this.byId = new CompiledFinder(dataSource, Location, { where: 'id' });
    this.nodesByLocation = new CompiledFinder(dataSource, Node, { where: 'locationId', orderBy: [['serialNumber', 'ASC']] });
  }

  async get(principal: Principal, id: string): Promise<Location> {
    requireUuid('id', id);
    return assertReadable(principal, await this.byId.findOne(id), 'location', id);
  }

  /** The owner of a location the caller was already allowed to read. */
  customerOf(location: Location): Promise<Customer> {
    return this.dataSource.manager.findOneByOrFail(Customer, { id: location.customerId });
  }

  networksOf(location: Location): Promise<WifiNetwork[]> {
    return this.networks.listOf(location.id);
  }

  nodesOf(location: Location): Promise<Node[]> {
    return this.nodesByLocation.find(location.id);
  }

  /** Locations of a customer the caller was already allowed to read. */
  listOf(customerId: string): Promise<Location[]> {
    return this.dataSource.manager.find(Location, { where: { customerId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async create(principal: Principal, customerId: string, input: CreateLocationInput, key?: string | null): Promise<Location> {
    requireUuid('customerId', customerId);
    const errors = [...validateCreateLocation(input), ...checkIdempotencyKey('idempotencyKey', key)];
    if (errors.length > 0) throw AppError.validation(errors);
    const { result, replayed } = await this.idempotency.run(principal, {
      operation: 'createLocation',
      key,
      input: { customerId, input },
      create: async (manager) => {
        const customer = assertWritable(principal, await manager.findOneBy(Customer, { id: customerId }), 'customer', customerId);
        const refused = refuseChangeOf(customer.status);
        if (refused !== undefined) throw AppError.precondition(refused);
        return this.insertWithPrimary(manager, principal, customer, input);
      },
      replay: async (manager, id) => assertReadable(principal, await manager.findOneBy(Location, { id }), 'location', id),
    });
    if (!replayed) this.events.publish([{ type: 'location-changed', locationId: result.id }]);
    return result;
  }

  /** Inside the caller's transaction, input already validated: the location and its PRIMARY network. */
  async insertWithPrimary(manager: EntityManager, principal: Principal, customer: Customer, input: CreateLocationInput): Promise<Location> {
    const location = await manager.save(
      manager.create(Location, {
        customerId: customer.id,
        groupId: customer.groupId,
        name: input.name,
        serviceId: input.serviceId ?? null,
        timezone: input.timezone,
        ...addressColumns(input.address),
      }),
    );
    await this.audit.record(principal, manager, this.record('create', location, null, summary(location)));
    await this.networks.insertPrimary(manager, principal, location, primarySettings(input.primaryNetwork));
    return location;
  }

  async update(principal: Principal, id: string, input: UpdateLocationInput): Promise<Location> {
    requireUuid('id', id);
    const fields = { ...input, name: input.name ?? undefined, timezone: input.timezone ?? undefined };
    const errors = validateLocationFields(fields, false);
    if (errors.length > 0) throw AppError.validation(errors);
    const location = await this.transactions.run(async (manager) => {
      const { location } = await writableLocation(manager, principal, id);
      const before = summary(location);
      if (fields.name !== undefined) location.name = fields.name;
      if (input.serviceId !== undefined) location.serviceId = input.serviceId;
      if (fields.timezone !== undefined) location.timezone = fields.timezone;
      if (input.address !== undefined) Object.assign(location, addressColumns(input.address));
      location.updatedAt = new Date();
      const saved = await manager.save(location);
      await this.audit.record(principal, manager, this.record('update', saved, before, summary(saved)));
      return saved;
    });
    this.events.publish([{ type: 'location-changed', locationId: location.id }]);
    return location;
  }

  /** `allowLast`: a provisioning gateway whose customers may have no location (createAccount). */
  async delete(principal: Principal, id: string, options: { allowLast?: boolean } = {}): Promise<Location> {
    requireUuid('id', id);
    const location = await this.transactions.run(async (manager) => {
      const { location } = await writableLocation(manager, principal, id);
      if ((await manager.countBy(Node, { locationId: id })) > 0) {
        throw AppError.precondition('nodes are claimed to this location; unclaim them first');
      }
      if (options.allowLast !== true && (await manager.countBy(Location, { customerId: location.customerId })) <= 1) {
        throw AppError.precondition("a customer's last location cannot be deleted; terminate the customer instead");
      }
      await this.networks.removeAllOf(manager, principal, [id]);
      const gone = Object.assign(new Location(), location);
      await manager.delete(Location, { id });
      await this.audit.record(principal, manager, this.record('delete', gone, summary(gone), null));
      return gone;
    });
    this.events.publish([{ type: 'location-changed', locationId: location.id }]);
    return location;
  }

  private record(verb: string, location: Location, before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditRecord {
    return { action: `location.${verb}`, objectType: 'location', objectId: location.id, groupId: location.groupId, before, after };
  }
}
