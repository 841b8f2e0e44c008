// GraphQL for clients: location.clients, client(locationId, mac) with its sessions, clientsByMac,
// renameClient (admins), and clientConnectionChanged(locationId), a graphql-ws subscription
// that checks the location's group when it starts and again before every event it pushes.

import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { concatMap, filter } from 'rxjs';
import { DataSource } from 'typeorm';
import { assertReadable } from '../../access/group-scope';
import { readableLocation } from '../../access/location-access';
import { Authenticator } from '../../common/auth/authenticator';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../../common/auth/permission';
import { Principal } from '../../common/auth/principal';
import { RequestContext } from '../../common/auth/request-context';
import { Location } from '../../locations/location.entity';
import { observableIterator } from '../../reconciler/graphql/observable-iterator';
import { ClientsService } from '../live/clients.service';
import { ClientSession } from '../store/client-session.entity';
import { ClientRecord } from '../store/client.entity';
import { ClientsQueryService } from '../store/clients-query.service';
import { ClientConnectionEvent } from './client-connection-event.type';

@Resolver(() => ClientRecord)
export class ClientsResolver {
  constructor(private readonly clients: ClientsQueryService) {}

  @Query(() => ClientRecord, { name: 'client', description: 'A client of a location by MAC address.' })
  @RequirePermission(Permission.TENANT_READ)
  client(
    @CurrentPrincipal() principal: Principal,
    @Args('locationId', { type: () => ID, description: 'The location the client was seen at.' }) locationId: string,
    @Args('mac', { description: 'MAC address of the client (any case, colons or dashes).' }) mac: string,
  ): Promise<ClientRecord> {
    return this.clients.get(principal, locationId, mac);
  }

  @Query(() => [ClientRecord], {
    name: 'clientsByMac',
    description: 'The clients with this MAC address at any location of your groups (at most 50), most recently seen first; the support console\'s search.',
  })
  @RequirePermission(Permission.TENANT_READ)
  clientsByMac(
    @CurrentPrincipal() principal: Principal,
    @Args('mac', { description: 'MAC address of the client (any case, colons or dashes).' }) mac: string,
  ): Promise<ClientRecord[]> {
    return this.clients.byMac(principal, mac);
  }

  @Mutation(() => ClientRecord, { description: 'Names a client (null or blank clears it); the location\'s nodes get the name too.' })
  @RequirePermission(Permission.TENANT_WRITE)
  renameClient(
    @CurrentPrincipal() principal: Principal,
    @Args('locationId', { type: () => ID, description: 'The location the client was seen at.' }) locationId: string,
    @Args('mac', { description: 'MAC address of the client (any case, colons or dashes).' }) mac: string,
    @Args('nickname', { type: () => String, nullable: true, description: 'The new name, at most 64 printable characters; null or blank clears it.' }) nickname: string | null,
  ): Promise<ClientRecord> {
    return this.clients.rename(principal, locationId, mac, nickname ?? null);
  }

  @ResolveField(() => [ClientSession], { description: 'Connections of the client, newest first.' })
  @RequirePermission(Permission.TENANT_READ)
  sessions(@Parent() client: ClientRecord, @Args('first', { type: () => Int, defaultValue: 50, description: 'How many sessions to return, 1..500.' }) first: number): Promise<ClientSession[]> {
    return this.clients.sessionsOf(client, first);
  }
}

@Resolver(() => Location)
export class LocationClientsResolver {
  constructor(
    private readonly query: ClientsQueryService,
    private readonly live: ClientsService,
    private readonly dataSource: DataSource,
    private readonly authenticator: Authenticator,
  ) {}

  @ResolveField(() => [ClientRecord], {
    description: 'Clients connected now, and (unless connectedOnly) those seen since seenSince (default: the last 24 hours).',
  })
  @RequirePermission(Permission.TENANT_READ)
  clients(
    @Parent() location: Location,
    @Args('connectedOnly', { type: () => Boolean, defaultValue: false, description: 'Only the clients connected now.' }) connectedOnly: boolean,
    @Args('seenSince', { type: () => Date, nullable: true, description: 'Also the disconnected clients last seen at or after this time (default: 24 hours ago).' }) seenSince?: Date | null,
  ): Promise<ClientRecord[]> {
    return this.query.listOf(location.id, { connectedOnly, seenSince: seenSince ?? undefined });
  }

  @Subscription(() => ClientConnectionEvent, {
    description: 'Every client that connects to or disconnects from a node of the location.',
    resolve: (payload: ClientConnectionEvent) => payload,
  })
  @RequirePermission(Permission.TENANT_READ)
  async clientConnectionChanged(
    @CurrentPrincipal() principal: Principal,
    @Context() ctx: RequestContext,
    @Args('locationId', { type: () => ID, description: 'The location whose clients to follow.' }) locationId: string,
  ): Promise<AsyncIterableIterator<ClientConnectionEvent>> {
    await readableLocation(this.dataSource.manager, principal, locationId, 'locationId');
    // In a cluster also the clients of the location's nodes held by other instances.
    const events = this.live.connectionChanges$.pipe(
      filter((e) => e.locationId === locationId),
      concatMap(async (e) => {
        // Access lost meanwhile ends the subscription with the error (NOT_FOUND, UNAUTHENTICATED).
        const location = await this.dataSource.manager.findOneBy(Location, { id: locationId });
        assertReadable(await this.authenticator.principalOf(ctx), location, 'location', locationId);
        return ClientConnectionEvent.of(e);
      }),
    );
    return observableIterator(events);
  }
}
