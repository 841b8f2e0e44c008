// SITE transactions (sections 6.4.5 and 6.4.6) onto locations: mso_site_key is the
// location's serviceId, our location id is returned as site_key. The document knows no
// WiFi, but a location always has its PRIMARY network: a SITE gets one with a generated
// SSID and passphrase (the subscriber changes them later; docs/decisions/home-api-gateway.md).
// DELETE cascades as 6.4.6 says: the site's nodes are unclaimed and its computers removed,
// then the location goes (and the subscriber's login ages when it was the last site).

import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { groupScope } from '../../access/group-scope';
import { Principal } from '../../common/auth/principal';
import { AppError, ErrorCode } from '../../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { CustomersService } from '../../customers/customers.service';
import { CreateLocationInput } from '../../locations/dto/create-location.input';
import { Location } from '../../locations/location.entity';
import { LocationsService } from '../../locations/locations.service';
import { NodesService } from '../../nodes/nodes.service';
import { SecurityMode } from '../../wifi-networks/wifi-network-enums';
import { HomeApiError, HomeErrorCode } from './wire/error-catalogue';
import { RequestFields } from './wire/request-fields';
import { HomeResponse, successResponse } from './wire/transaction-codec';
import { HomeTransaction } from './home-transaction';
import { HomeLogins } from './logins/home-logins.service';
import { HomeComputers } from './computers/home-computers.service';
import { SiteAddress, siteAddress } from './site-address';
import { SubscriberTransactions } from './subscriber-transactions';
import { TopologyService } from './topology/topology.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Without look-alikes (0/O, 1/l/I), as a passphrase read off a screen should be. */
const PASSPHRASE_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

@Injectable()
export class SiteTransactions {
  /** HOME_API_TIMEZONE: the document carries no time zone. */
  private readonly timezone: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly locations: LocationsService,
    private readonly nodes: NodesService,
    private readonly subscribers: SubscriberTransactions,
    private readonly topology: TopologyService,
    private readonly logins: HomeLogins,
    private readonly customers: CustomersService,
    private readonly computers: HomeComputers,
  ) {
    this.timezone = config.homeApi?.timezone ?? 'UTC';
  }

  async create(t: HomeTransaction): Promise<HomeResponse> {
    const customer = await this.subscribers.resolve(t.principal, t.fields);
    const address = requiredAddress(t.fields);
    await this.checkPlacement(customer.groupId, t.fields.required('head_end', HomeErrorCode.MUST_SPECIFY_HEAD_END), t.fields.required('oe_node', HomeErrorCode.MUST_SPECIFY_OE_NODE));
    t.fields.optional('coax_segment');
    const msoKey = t.fields.optional('mso_site_key')?.toUpperCase();
    if (msoKey !== undefined && (await this.byMsoKey(t.principal, msoKey)).length > 0) throw new HomeApiError(HomeErrorCode.SITE_EXISTS_FOR_MSO_KEY);
    const input: CreateLocationInput = {
      name: address.name,
      serviceId: msoKey ?? null,
      timezone: this.timezone,
      address: { street: address.street, city: address.city, postalCode: address.postalCode, country: address.country },
      primaryNetwork: { ssid: `Home-${randomInt(0x10000).toString(16).toUpperCase().padStart(4, '0')}`, securityMode: SecurityMode.WPA2_PSK, passphrase: passphrase() },
    };
    const location = await this.locations.create(t.principal, customer.id, input);
    return successResponse(t.request, [['site_key', location.id]]);
  }

  async update(t: HomeTransaction): Promise<HomeResponse> {
    const location = await this.resolve(t.principal, t.fields);
    const address = optionalAddress(t.fields);
    // Checked as sent (6.4.6: an UPDATE keeps the site's network placement; a move is a new site).
    await this.checkPlacement(location.groupId, t.fields.optional('head_end'), t.fields.optional('oe_node'));
    t.fields.optional('coax_segment');
    if (address !== undefined) {
      const current = location.address;
      await this.locations.update(t.principal, location.id, {
        ...(address.name !== undefined ? { name: address.name } : {}),
        address: {
          street: address.street ?? current.street,
          city: address.city ?? current.city,
          postalCode: address.postalCode ?? current.postalCode,
          country: address.country ?? current.country,
        },
      });
    }
    return successResponse(t.request);
  }

  async delete(t: HomeTransaction): Promise<HomeResponse> {
    const location = await this.resolve(t.principal, t.fields);
    for (const node of await this.locations.nodesOf(location)) await this.nodes.unclaim(t.principal, node.id, 'site deleted by the MSO');
    // Its computers go first, each audited (the location's rows would also go with it).
    await this.computers.removeAllOf(t.principal, [location.id]);
    await this.locations.delete(t.principal, location.id, { allowLast: true });
    // Logins belong to the site in the document's model (6.4.6; one site per subscriber,
    // 2.2.4): the subscriber's login ages with its last site.
    // The login ages and the customer's password goes with it, as on DELETE LOGIN.
    if ((await this.dataSource.manager.countBy(Location, { customerId: location.customerId })) === 0 && (await this.logins.retireAllOf(t.principal, location.customerId))) {
      await this.customers.update(t.principal, location.customerId, { password: null });
    }
    return successResponse(t.request);
  }

  /** The location named by site_key or mso_site_key (6.3.3), of a live customer. */
  async resolve(principal: Principal, f: RequestFields): Promise<Location> {
    const key = f.optional('site_key');
    const msoKey = f.optional('mso_site_key')?.toUpperCase();
    if (key === undefined && msoKey === undefined) throw new HomeApiError(HomeErrorCode.MUST_SPECIFY_SITE_KEY);
    let location: Location | undefined;
    if (key !== undefined) {
      location = UUID.test(key) ? await this.locations.get(principal, key.toLowerCase()).catch(notFound) : undefined;
      if (location === undefined) throw new HomeApiError(HomeErrorCode.BAD_SITE_KEY);
    }
    if (msoKey !== undefined) {
      const found = await this.byMsoKey(principal, msoKey);
      if (found.length !== 1) throw new HomeApiError(location === undefined && found.length === 0 ? HomeErrorCode.SITE_NO_MATCH : HomeErrorCode.INVALID_KEY);
      if (location !== undefined && location.id !== found[0]?.id) throw new HomeApiError(HomeErrorCode.INVALID_KEY);
      location = found[0];
    }
    return location as Location;
  }

  /** head_end and oe_node against the group's imported node combine plan (Attachment G). */
  private async checkPlacement(groupId: string, headEnd: string | undefined, oeNode: string | undefined): Promise<void> {
    if (headEnd === undefined && oeNode === undefined) return;
    const placement = await this.topology.placement(groupId, headEnd, oeNode);
    if (placement === 'UNKNOWN_HEAD_END') throw new HomeApiError(HomeErrorCode.INVALID_HEAD_END);
    if (placement === 'UNKNOWN_OE_NODE') throw new HomeApiError(HomeErrorCode.INVALID_OE_NODE);
  }

  private byMsoKey(principal: Principal, msoKey: string): Promise<Location[]> {
    const scope = groupScope(principal);
    return this.dataSource.manager.find(Location, { where: { serviceId: msoKey, ...(scope ? { groupId: scope } : {}) }, take: 2 });
  }
}

function requiredAddress(f: RequestFields): SiteAddress & { name: string; street: string; city: string } {
  const number = f.optional('street_number');
  const name = f.optional('street_name');
  if (number === undefined || name === undefined) throw new HomeApiError(HomeErrorCode.MUST_SPECIFY_STREET);
  const [city, state, postcode] = [f.optional('city'), f.optional('state'), f.optional('postcode')];
  if (city === undefined || state === undefined || postcode === undefined) throw new HomeApiError(HomeErrorCode.MUST_SPECIFY_CITY_STATE_POSTCODE);
  return siteAddress(f) as SiteAddress & { name: string; street: string; city: string };
}

/** An UPDATE changes the street as a whole and city, state and postcode as a whole. */
function optionalAddress(f: RequestFields): SiteAddress | undefined {
  const street = [f.optional('street_number'), f.optional('street_name')];
  if (street.filter((v) => v === undefined).length === 1) throw new HomeApiError(HomeErrorCode.MUST_SPECIFY_STREET);
  const town = [f.optional('city'), f.optional('state'), f.optional('postcode')];
  const given = town.filter((v) => v !== undefined).length;
  if (given > 0 && given < 3) throw new HomeApiError(HomeErrorCode.MUST_SPECIFY_CITY_STATE_POSTCODE);
  const address = siteAddress(f);
  return Object.values(address).some((v) => v !== undefined) ? address : undefined;
}

function passphrase(): string {
  let out = '';
  for (let i = 0; i < 16; i++) out += PASSPHRASE_ALPHABET[randomInt(PASSPHRASE_ALPHABET.length)];
  return out;
}

function notFound(error: unknown): undefined {
  if (error instanceof AppError && error.code === ErrorCode.NOT_FOUND) return undefined;
  throw error;
}
